package org.humiao.server.logging;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.humiao.config.AccessLog;
import org.humiao.http.RequestIds;
import org.humiao.http.guard.Authenticator;
import org.humiao.keys.ApiKey;
import org.humiao.server.metrics.RequestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The access log (setting accessLog): one line per request on logger {@code humiao.access} with
 * its method, route template (never the raw path or query, which may carry personal data), status,
 * latency, request id, and the key's id, role and platform; never a header or a body. Logged on
 * the event loop into logback's async appender, which drops lines rather than wait when it falls
 * behind, so the log never holds up a request.
 */
public final class AccessLogHandler implements Handler<RoutingContext> {
  static final String LOGGER = "humiao.access";
  /** Sampled: one in this many of the ordinary requests. */
  static final int SAMPLE_ONE_IN = 100;
  /** Sampled: every request at least this slow. */
  static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final AccessLog mode;

  public AccessLogHandler(AccessLog mode) {
    this.mode = mode;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (mode != AccessLog.OFF) {
      long started = System.nanoTime();
      ctx.addEndHandler(done -> {
        long nanos = System.nanoTime() - started;
        int status = ctx.response().getStatusCode();
        if (mode == AccessLog.ALL || status >= 400 || nanos >= SLOW_NANOS
            || ThreadLocalRandom.current().nextInt(SAMPLE_ONE_IN) == 0) {
          log(ctx, status, nanos);
        }
      });
    }
    ctx.next();
  }

  private static void log(RoutingContext ctx, int status, long nanos) {
    String method = ctx.request().method().name();
    String route = RequestMetrics.route(ctx);
    double latencyMs = Math.round(nanos / 10_000.0) / 100.0;
    ApiKey key = Authenticator.key(ctx);
    var line = LOG.atInfo()
        .addKeyValue("requestId", RequestIds.of(ctx))
        .addKeyValue("method", method)
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("latencyMs", latencyMs);
    if (key != null) {
      line = line.addKeyValue("keyId", key.id()).addKeyValue("role", key.role().id());
      if (key.platform() != null) {
        line = line.addKeyValue("platform", key.platform());
      }
    }
    line.log("{} {} {} {} ms", method, route, status, latencyMs);
  }
}
