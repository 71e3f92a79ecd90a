package org.humiao.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.humiao.server.metrics.BuildInfoMetrics;

/** {@code GET /metrics}: the Prometheus text format, rendered on a worker (it walks every meter). */
final class MetricsRoute implements Handler<RoutingContext> {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final BuildInfoMetrics buildInfo;

  MetricsRoute(Vertx vertx, PrometheusMeterRegistry registry, BuildInfoMetrics buildInfo) {
    this.vertx = vertx;
    this.registry = registry;
    this.buildInfo = buildInfo;
  }

  @Override
  public void handle(RoutingContext ctx) {
    vertx.executeBlocking(() -> {
      buildInfo.refresh();
      return registry.scrape();
    }, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(ctx::fail);
  }
}
