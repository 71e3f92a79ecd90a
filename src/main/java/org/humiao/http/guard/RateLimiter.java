package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.humiao.keys.ApiKey;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key (after {@link Authenticator}); 429 with Retry-After when it is
 * empty. Every request takes a token on arrival; screening is then {@link #charge charged} by the
 * characters it screens, since a 5,000-character text costs the engine a thousand chat lines.
 */
public final class RateLimiter implements PlatformHandler {
  private final double perSecond;
  private final int burst;
  private final int charsPerToken;
  private final LongSupplier nanoClock;
  // Buckets of keys not seen for a while are full again anyway; expiring them bounds the memory
  // that revoked or rotated keys would otherwise hold.
  private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10))
      .build();

  /** @param charsPerToken characters of screened text that cost one token more than the request's own */
  public RateLimiter(double perSecond, int burst, int charsPerToken, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.charsPerToken = charsPerToken;
    this.nanoClock = nanoClock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long now = nanoClock.getAsLong();
    long retryAfter = bucket(Authenticator.key(ctx), now).take(now);
    if (retryAfter > 0) {
      throw new ApiError(ErrorCode.RATE_LIMITED, "rate limit of " + perSecond
          + " tokens per second exceeded (a request is one, and one more per " + charsPerToken
          + " characters screened)", retryAfter);
    }
    ctx.next();
  }

  /**
   * Charges an admitted request for the characters it screens: one token per {@code charsPerToken}
   * (whole ones; a chat line costs nothing more than its request). The request goes on; the key's
   * later ones wait until its bucket has refilled. Thread-safe, callable from a worker.
   */
  public void charge(ApiKey key, long chars) {
    long tokens = chars / charsPerToken;
    if (tokens > 0) {
      long now = nanoClock.getAsLong();
      bucket(key, now).charge(tokens, now);
    }
  }

  private TokenBucket bucket(ApiKey key, long now) {
    return buckets.get(key.id(), id -> new TokenBucket(perSecond, burst, now));
  }
}
