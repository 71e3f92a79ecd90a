package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.time.Duration;
import java.util.function.LongSupplier;

/** One token bucket per API key (after {@link Authenticator}); 429 with Retry-After when it is empty. */
public final class RateLimiter implements PlatformHandler {
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanoClock;
  // Buckets of keys not seen for a while are full again anyway; expiring them bounds the memory
  // that revoked or rotated keys would otherwise hold.
  private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10))
      .build();

  public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long now = nanoClock.getAsLong();
    TokenBucket bucket = buckets.get(Authenticator.key(ctx).id(), id -> new TokenBucket(perSecond, burst, now));
    long retryAfter = bucket.take(now);
    if (retryAfter > 0) {
      throw new ApiError(ErrorCode.RATE_LIMITED, "rate limit of " + perSecond + " requests per second exceeded", retryAfter);
    }
    ctx.next();
  }
}
