package org.humiao.bench.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The ceiling the screen route is measured against: a bare Vert.x server that does what any
 * JSON service on this machine must do for {@code POST /v1/text/screen} (read the body, parse it
 * as JSON, take the text, answer a small JSON object) and nothing else: no authentication,
 * screening, metrics or journal. One verticle per event loop, as the service deploys its HTTP
 * verticles. {@code java -cp benchmarks.jar org.humiao.bench.load.CeilingServer PORT [EVENT_LOOPS]};
 * the harness starts it itself with {@code --ceiling PORT}.
 */
public final class CeilingServer extends VerticleBase {
  private static final String JSON = "application/json; charset=utf-8";

  private final int port;

  private CeilingServer(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new CeilingServer(port), new DeploymentOptions().setInstances(eventLoops))
        .onSuccess(id -> System.out.println("ceiling server listening on " + port))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
        .requestHandler(this::handle)
        .listen();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Buffer answer;
      int status = 200;
      try {
        String text = new JsonObject(body).getString("text");
        answer = new JsonObject().put("decision", "pass").put("length", text == null ? 0 : text.length()).toBuffer();
      } catch (DecodeException | ClassCastException e) {
        status = 400;
        answer = new JsonObject().put("error", "invalid_json").toBuffer();
      }
      request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer);
    });
  }
}
