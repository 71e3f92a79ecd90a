package org.humiao.server;

import org.humiao.http.InvalidRequests;
import org.humiao.http.guard.ConnectionGuard;
import org.humiao.server.metrics.EventLoopDelayProbe;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.humiao.config.Settings;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the HTTP server, HTTP/1.1 and HTTP/2 (h2c, by upgrade or prior knowledge), on
 * its event loop. {@link HttpService} deploys one per {@code eventLoops} on the same port and
 * Vert.x spreads the connections over them: parsing, routing, JSON and writing take a core's worth
 * at a few thousand requests a second, while the work itself runs on the worker pools.
 * Undeploying it shuts the server down gracefully: no new connections, in-flight requests get up
 * to shutdownGraceMs to finish.
 */
final class HttpVerticle extends VerticleBase {
  /** How often the event-loop delay probe fires; short enough to see a blocked loop, cheap enough to ignore. */
  private static final long PROBE_INTERVAL_MILLIS = 100;

  private final Components components;
  private final int port;
  private HttpServer server;
  private EventLoopDelayProbe probe;

  /** @param port the port to listen on, shared by every instance; 0 for a free one (then one instance only) */
  HttpVerticle(Components components, int port) {
    this.components = components;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    probe = components.loopLag().start(vertx, PROBE_INTERVAL_MILLIS);
    Settings settings = components.settings();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(port)
        .setHttp2ClearTextEnabled(true)
        .setIdleTimeout((int) settings.idleTimeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    ConnectionGuard connections = new ConnectionGuard(vertx, settings.maxConnections(), settings.readTimeoutMs(),
        components.openConnections());
    server = vertx.createHttpServer(options)
        .connectionHandler(connections::opened)
        .invalidRequestHandler(new InvalidRequests())
        .requestHandler(ApiRouter.create(vertx, components, connections));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    components.loopLag().stop(probe);
    // live streams never end by themselves; the grace period is for requests that do
    components.streams().closeAll();
    return server.shutdown(Duration.ofMillis(components.settings().shutdownGraceMs()));
  }

  int port() {
    return server.actualPort();
  }
}
