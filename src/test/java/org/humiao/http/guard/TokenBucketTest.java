package org.humiao.http.guard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void burstThenRefillAtTheRate() {
    TokenBucket bucket = new TokenBucket(2, 3, 0);
    assertEquals(0, bucket.take(0));
    assertEquals(0, bucket.take(0));
    assertEquals(0, bucket.take(0));
    assertEquals(1, bucket.take(0), "empty: the next token is half a second away, rounded up");
    assertEquals(0, bucket.take(SECOND / 2));
    assertEquals(1, bucket.take(SECOND / 2));
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(100, 2, 0);
    long later = 3600 * SECOND;
    assertEquals(0, bucket.take(later));
    assertEquals(0, bucket.take(later));
    assertEquals(1, bucket.take(later));
  }

  @Test
  void retryAfterIsWholeSecondsUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(0.25, 1, 0);
    assertEquals(0, bucket.take(0));
    assertEquals(4, bucket.take(0));
    assertEquals(3, bucket.take(SECOND));
  }

  @Test
  void aChargeGoesIntoDebtThatLaterRequestsWaitOut() {
    TokenBucket bucket = new TokenBucket(10, 20, 0);
    assertEquals(0, bucket.take(0));
    bucket.charge(49, 0);
    assertEquals(4, bucket.take(0), "30 tokens owed: 3.1 s at 10 a second, rounded up");
    assertEquals(1, bucket.take(3 * SECOND), "still 0 tokens");
    assertEquals(0, bucket.take(3 * SECOND + SECOND / 10));
  }
}
