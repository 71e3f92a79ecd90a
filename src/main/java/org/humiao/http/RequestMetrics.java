package org.humiao.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,route,status}}: every request timed from routing to
 * the end of its response, labelled by the route template it matched (never the raw path, whose
 * values are unbounded), {@code unmatched} when none did.
 */
final class RequestMetrics {
  private static final String NAME = "http.server.requests";
  private static final String UNMATCHED = "unmatched";
  private static final String KEY = "humiao.routeTemplate";

  private final MeterRegistry registry;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The buckets span what a request can take: from a cached answer to the longest timeout. */
  private static final Duration MIN_EXPECTED = Duration.ofMillis(1);
  private static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

  /** The first handler of the router: starts the clock and records when the response ends. */
  Handler<RoutingContext> timer() {
    return ctx -> {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> Timer.builder(NAME)
          .description("HTTP requests by route template, method and status")
          .tag("method", ctx.request().method().name())
          .tag("route", ctx.get(KEY, UNMATCHED))
          .tag("status", Integer.toString(ctx.response().getStatusCode()))
          // buckets, so a percentile can be computed across instances (histogram_quantile), not only per process
          .publishPercentileHistogram()
          .minimumExpectedValue(MIN_EXPECTED)
          .maximumExpectedValue(MAX_EXPECTED)
          .register(registry)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
      ctx.next();
    };
  }

  /** The first handler of a route: names its template. A platform handler, so it may precede a BodyHandler. */
  static PlatformHandler template(String path) {
    return ctx -> {
      ctx.put(KEY, path);
      ctx.next();
    };
  }
}
