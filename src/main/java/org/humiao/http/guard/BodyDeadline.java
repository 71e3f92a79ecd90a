package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A request's body must arrive in full within {@code readTimeoutMs} of its headers, or the
 * request is answered 408 and its connection closed: a client sending its body a byte at a time
 * would otherwise hold a connection and a buffer for as long as it likes. One per event loop (no
 * lock): requests wait in arrival order, which is deadline order, until their answer ends, and a
 * {@link DeadlineSweep} fails those whose deadline passed with the body still coming.
 */
public final class BodyDeadline implements PlatformHandler {
  private final long readTimeoutMillis;
  private final long readTimeoutNanos;
  /** Requests not yet answered, oldest first, with the nanoTime their body is due by. */
  private final Map<RoutingContext, Long> waiting = new LinkedHashMap<>();

  /** Call on the event loop whose requests it watches. */
  public BodyDeadline(Vertx vertx, long readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
    this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
    DeadlineSweep.every(vertx, readTimeoutMillis, this::sweep);
  }

  @Override
  public void handle(RoutingContext ctx) {
    waiting.put(ctx, System.nanoTime() + readTimeoutNanos);
    ctx.addEndHandler(done -> waiting.remove(ctx));
    ctx.next();
  }

  private void sweep() {
    long now = System.nanoTime();
    Iterator<Map.Entry<RoutingContext, Long>> oldestFirst = waiting.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Map.Entry<RoutingContext, Long> entry = oldestFirst.next();
      if (entry.getValue() - now > 0) {
        return;
      }
      oldestFirst.remove();
      RoutingContext ctx = entry.getKey();
      if (!ctx.request().isEnded() && !ctx.response().ended()) {
        ctx.fail(new ApiError(ErrorCode.REQUEST_TIMEOUT, "the body did not arrive within " + readTimeoutMillis + " ms"));
      }
    }
  }
}
