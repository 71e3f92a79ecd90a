package org.humiao.http.guard;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}; each request takes
 * one. Refilled lazily from the clock on each take, so an idle bucket costs nothing.
 */
final class TokenBucket {
  private static final double NANOS = 1e9;

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long updatedNanos;

  TokenBucket(double perSecond, int burst, long nowNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.updatedNanos = nowNanos;
  }

  /** Takes a token: 0 when there was one, otherwise the whole seconds until there will be. */
  synchronized long take(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - updatedNanos) / NANOS * perSecond);
    updatedNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
  }
}
