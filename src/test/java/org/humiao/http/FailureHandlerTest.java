package org.humiao.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bug in a handler is a 500 with a generic message naming the request id, never a stack trace. */
@ExtendWith(VertxExtension.class)
class FailureHandlerTest {
  @Test
  void anUnexpectedExceptionIsAnInternalErrorWithTheRequestId(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
    router.get("/bug").handler(ctx -> {
      throw new IllegalStateException("secret detail of the bug");
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    Client client = new Client(vertx, server.actualPort());
    try {
      HttpResponse<Buffer> r = client.get("/bug", null);
      String message = Client.assertError(r, 500, "internal").getString("message");
      assertTrue(message.contains(r.getHeader(RequestIds.HEADER)), message);
      assertFalse(r.bodyAsString().contains("secret detail") || r.bodyAsString().contains("IllegalStateException"));
    } finally {
      client.close();
      server.close().await(5, TimeUnit.SECONDS);
    }
  }
}
