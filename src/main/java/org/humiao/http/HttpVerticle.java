package org.humiao.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.time.Duration;

/**
 * The HTTP server on one event loop, HTTP/1.1 and HTTP/2 (h2c, by upgrade or prior knowledge).
 * One loop is enough: it only parses, routes and writes, screening runs on the worker pool.
 * Undeploying it shuts the server down gracefully: no new connections, in-flight requests get
 * up to shutdownGraceMs to finish.
 */
final class HttpVerticle extends VerticleBase {
  /** How often the event-loop delay probe fires; short enough to see a blocked loop, cheap enough to ignore. */
  private static final long PROBE_INTERVAL_MILLIS = 100;

  private final Components components;
  private HttpServer server;
  private EventLoopDelayProbe probe;

  HttpVerticle(Components components) {
    this.components = components;
  }

  @Override
  public Future<?> start() {
    probe = new EventLoopDelayProbe(vertx, components.registry(), PROBE_INTERVAL_MILLIS);
    probe.start();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(components.settings().host())
        .setPort(components.settings().port())
        .setHttp2ClearTextEnabled(true);
    server = vertx.createHttpServer(options).requestHandler(ApiRouter.create(vertx, components));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    probe.stop();
    // live streams never end by themselves; the grace period is for requests that do
    components.streams().closeAll();
    return server.shutdown(Duration.ofMillis(components.settings().shutdownGraceMs()));
  }

  int port() {
    return server.actualPort();
  }
}
