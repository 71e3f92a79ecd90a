package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

  @Test
  void doublesWithinJitterBoundsUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), new Random(1));
    long[] caps = {100, 200, 400, 800, 1_000, 1_000, 1_000};
    for (int attempt = 1; attempt <= caps.length; attempt++) {
      for (int draw = 0; draw < 200; draw++) {
        long millis = backoff.delayAfter(attempt).toMillis();
        long cap = caps[attempt - 1];
        assertTrue(millis >= cap / 2 && millis <= cap, "attempt " + attempt + ": " + millis + " outside [" + cap / 2 + ", " + cap + "]");
      }
    }
  }

  @Test
  void jitterSpreadsTheDelays() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60), new Random(1));
    long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delayAfter(5).toMillis()).distinct().count();
    assertTrue(distinct > 10, "only " + distinct + " distinct delays");
  }

  @Test
  void manyAttemptsDoNotOverflow() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60), new Random(1));
    assertTrue(backoff.delayAfter(10_000).toMillis() <= 60_000);
  }
}
