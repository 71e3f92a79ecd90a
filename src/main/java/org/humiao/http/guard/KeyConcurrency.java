package org.humiao.http.guard;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} requests of one key at once on the routes it guards, answered 429
 * rate_limited beyond: a rate limit counts requests, not their cost, and one key's costly reads
 * must not take every thread of a pool that others share.
 */
public final class KeyConcurrency implements Handler<RoutingContext> {
  private final int max;
  private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

  public KeyConcurrency(int max) {
    this.max = max;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AtomicInteger count = running.computeIfAbsent(Authenticator.key(ctx).id(), id -> new AtomicInteger());
    if (count.incrementAndGet() > max) {
      count.decrementAndGet();
      throw new ApiError(ErrorCode.RATE_LIMITED, "at most " + max + " of these requests at once per key", 1);
    }
    ctx.addEndHandler(done -> count.decrementAndGet());
    ctx.next();
  }
}
