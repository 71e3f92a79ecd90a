package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.humiao.keys.ApiKey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  /**
   * Buckets of keys not seen for this long are full again anyway; dropping them bounds the memory
   * that revoked or rotated keys would otherwise hold.
   */
  static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** How often a request also looks for idle buckets to drop. */
  static final long SWEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  /**
   * By key id. A plain concurrent map read per request: a cache expiring on access recorded every
   * read for its upkeep (a buffer and a task on the common pool), a share of the screen path.
   */
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  /** @param charsPerToken characters of screened text that cost one token more than the request's own */
  public RateLimiter(double perSecond, int burst, int charsPerToken, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.charsPerToken = charsPerToken;
    this.nanoClock = nanoClock;
    this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_NANOS);
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
    long sweep = nextSweep.get();
    if (now - sweep >= 0 && nextSweep.compareAndSet(sweep, now + SWEEP_NANOS)) {
      // one request a minute does this, over a map of one bucket per key in use
      buckets.values().removeIf(bucket -> bucket.idleSince(now) >= IDLE_NANOS);
    }
    TokenBucket bucket = buckets.get(key.id());
    return bucket != null ? bucket : buckets.computeIfAbsent(key.id(), id -> new TokenBucket(perSecond, burst, now));
  }

  /** How many keys have a bucket now; for tests. */
  int buckets() {
    return buckets.size();
  }
}
