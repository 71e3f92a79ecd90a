package org.humiao.http.guard;

import org.humiao.keys.ApiKey;
import org.humiao.keys.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The buckets of keys idle for ten minutes are dropped, by a sweep a request makes at most once a minute. */
class RateLimiterTest {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void bucketsOfKeysIdleForTenMinutesAreDropped() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(10, 10, 20, now::get);
    ApiKey a = key("a");
    ApiKey b = key("b");
    limiter.charge(a, 40);
    now.set(5 * MINUTE);
    limiter.charge(b, 40);
    assertEquals(2, limiter.buckets());
    now.set(11 * MINUTE);
    limiter.charge(b, 40);
    assertEquals(1, limiter.buckets(), "a's bucket, idle 11 minutes, is dropped; b's, idle 6, is kept");
    now.set(11 * MINUTE + MINUTE / 2);
    limiter.charge(a, 40);
    assertEquals(2, limiter.buckets(), "a comes back with a bucket of its own");
  }

  private static ApiKey key(String id) {
    return new ApiKey(id, Role.PLATFORM, "demo-" + id, "00".repeat(32), Instant.EPOCH, null);
  }
}
