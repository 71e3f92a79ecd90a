package org.humiao.minor.nppa;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with equal jitter: the pause after attempt n is drawn from [d/2, d] where
 * d = min(max, initial * 2^(n-1)). Half is fixed so a rate-limited client (the NPPA blocks for a
 * minute past 10 QPS) never retries at once; half is random so that many instances that failed
 * together do not retry together.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** @param attempt the number of the attempt that just failed, from 1 */
  public Duration delayAfter(int attempt) {
    long ceiling = max.toMillis();
    long exponential = initial.toMillis();
    for (int i = 1; i < attempt && exponential < ceiling; i++) {
      exponential *= 2;
    }
    long cap = Math.min(exponential, ceiling);
    long floor = cap / 2;
    return Duration.ofMillis(floor + random.nextLong(cap - floor + 1));
  }
}
