package org.humiao.screening.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier's admission control recovers: one slow batch must not shut it for good. */
class SemanticTierTest {
  /** Slow on its first batch (as a cold JIT or a burst of load makes it), fast after. */
  private static final class SlowFirst implements Encoder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "slow-first";
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public float[][] encode(List<String> texts) {
      if (calls.getAndIncrement() == 0) {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return texts.stream().map(t -> new float[] {1f}).toArray(float[][]::new);
    }

    @Override
    public void close() {
    }
  }

  @Test
  void aSlowBatchKeepsTextsOutOnlyUntilItsEstimateIsTestedAgain() throws Exception {
    SlowFirst encoder = new SlowFirst();
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      assertTrue(tier.encode("first", deadline(50)).isEmpty(), "the slow first batch outlasts its budget");
      waitFor(() -> encoder.calls.get() == 1);
      Thread.sleep(400);
      // the estimate (300 ms) is over the budget: texts keep their fast verdict without queueing
      assertTrue(tier.encode("second", deadline(50)).isEmpty());
      assertEquals(1, encoder.calls.get(), "a text was queued although the estimate said it could not be done");
      Thread.sleep(1_100);
      // a second later the estimate is tested again, and the now fast encoder answers in time
      assertTrue(tier.encode("third", deadline(150)).isPresent(), "the tier stayed shut");
      assertTrue(tier.stats().ran() >= 1);
    }
  }

  private static long deadline(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
  }
}
