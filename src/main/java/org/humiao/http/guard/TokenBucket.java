package org.humiao.http.guard;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}; each request takes
 * one on arrival, and may be {@link #charge charged} more once its cost is known. Refilled lazily
 * from the clock on each take, so an idle bucket costs nothing.
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
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
  }

  /**
   * Takes {@code cost} more tokens for a request already admitted, going into debt if need be: the
   * work is paid for, and the key's next requests wait until the bucket is back above one token.
   * The debt is at most one request's cost, which the size of a request bounds.
   */
  synchronized void charge(double cost, long nowNanos) {
    refill(nowNanos);
    tokens -= cost;
  }

  /** Nanoseconds since the bucket was last taken from or charged. */
  synchronized long idleSince(long nowNanos) {
    return nowNanos - updatedNanos;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - updatedNanos) / NANOS * perSecond);
    updatedNanos = nowNanos;
  }
}
