package org.humiao.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,route,status}}: every request timed from routing to
 * the end of its response, labelled by the route template it matched (never the raw path, whose
 * values are unbounded), {@code unmatched} when none did.
 */
public final class RequestMetrics {
  private static final String NAME = "http.server.requests";
  private static final String UNMATCHED = "unmatched";
  private static final String KEY = "humiao.routeTemplate";

  /** The buckets span what a request can take: from a cached answer to the longest timeout. */
  private static final Duration MIN_EXPECTED = Duration.ofMillis(1);
  private static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

  private final MeterRegistry registry;
  /**
   * The timers by method, route and status: routes and statuses are few, and building a timer
   * with histogram buckets on every request costs more than the registry lookup it ends in.
   */
  private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

  private record Labels(String method, String route, int status) {}

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The first handler of the router: starts the clock and records when the response ends. */
  public Handler<RoutingContext> timer() {
    return ctx -> {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> timers
          .computeIfAbsent(new Labels(ctx.request().method().name(), route(ctx),
              ctx.response().getStatusCode()), this::timer)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
      ctx.next();
    };
  }

  private Timer timer(Labels labels) {
    return Timer.builder(NAME)
        .description("HTTP requests by route template, method and status")
        .tag("method", labels.method())
        .tag("route", labels.route())
        .tag("status", Integer.toString(labels.status()))
        // buckets, so a percentile can be computed across instances (histogram_quantile), not only per process
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN_EXPECTED)
        .maximumExpectedValue(MAX_EXPECTED)
        .register(registry);
  }

  /** The template of the route a request matched, or "unmatched". */
  public static String route(RoutingContext ctx) {
    return ctx.get(KEY, UNMATCHED);
  }

  /** The first handler of a route: names its template. A platform handler, so it may precede a BodyHandler. */
  public static PlatformHandler template(String path) {
    return ctx -> {
      ctx.put(KEY, path);
      ctx.next();
    };
  }
}
