package org.humiao.screening.semantic;

import org.humiao.screening.semantic.admission.Admission;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier's admission control: a text that cannot be encoded in time is refused at once, never
 * after waiting; the tier yields to a saturated process; one slow batch must not shut it for good.
 */
class SemanticTierTest {
  /** Takes {@code millisPerUnit} per unit of {@link Admission#units}, as the real encoder grows with length. */
  private static final class Timed extends OneDimensionEncoder {
    final long millisPerUnit;
    final int maxTokens;
    final AtomicInteger calls = new AtomicInteger();

    Timed(long millisPerUnit) {
      this(millisPerUnit, Integer.MAX_VALUE);
    }

    Timed(long millisPerUnit, int maxTokens) {
      super("timed");
      this.millisPerUnit = millisPerUnit;
      this.maxTokens = maxTokens;
    }

    @Override
    public int maxTokens() {
      return maxTokens;
    }

    @Override
    public float[][] encode(List<String> texts) {
      calls.incrementAndGet();
      try {
        Thread.sleep(millisPerUnit * texts.stream().mapToInt(t -> Admission.units(Math.min(t.length(), maxTokens))).sum());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return vectors(texts, t -> 1);
    }
  }

  /** Slow on its second batch (as a burst of load makes it), fast before and after; the first is never the estimate. */
  private static final class SlowSecond extends OneDimensionEncoder {
    final AtomicInteger calls = new AtomicInteger();

    SlowSecond() {
      super("slow-first");
    }

    @Override
    public float[][] encode(List<String> texts) {
      if (calls.getAndIncrement() == 1) {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return vectors(texts, t -> 1);
    }
  }

  @Test
  void aSlowBatchKeepsTextsOutOnlyUntilItsEstimateIsTestedAgain() throws Exception {
    SlowSecond encoder = new SlowSecond();
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      assertTrue(tier.encode("zero", deadline(1000)).isPresent());
      assertTrue(tier.encode("first", deadline(50)).isEmpty(), "the slow batch outlasts its budget");
      waitFor(() -> encoder.calls.get() == 2);
      Thread.sleep(400);
      // the estimate (300 ms) is over the budget: texts keep their fast verdict without queueing
      assertTrue(tier.encode("second", deadline(50)).isEmpty());
      assertEquals(2, encoder.calls.get(), "a text was queued although the estimate said it could not be done");
      Thread.sleep(1_100);
      // a second later the estimate is tested again, and the now fast encoder answers in time
      assertTrue(tier.encode("third", deadline(150)).isPresent(), "the tier stayed shut");
      assertTrue(tier.stats().ran() >= 1);
    }
  }

  @Test
  void aLongTextAfterShortOnesIsRefusedAtOnceNotAfterWaitingItsBudget() {
    Timed encoder = new Timed(1);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      for (int i = 0; i < 3; i++) { // 13 characters: 20 ms each, which sets the estimate (from the second on)
        assertTrue(tier.encode("a".repeat(13), deadline(1000)).isPresent());
      }
      long started = System.nanoTime();
      // 193 characters: 200 ms of encoding for a 100 ms budget
      assertTrue(tier.encode("a".repeat(193), deadline(100)).isEmpty());
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(tookMillis < 50, "the caller waited " + tookMillis + " ms for a vector it could not get in time");
      assertEquals(3, encoder.calls.get(), "the long text reached the encoder");
      assertEquals(1L, tier.stats().skipped().get(SemanticTier.Skip.BUDGET));
      assertEquals(0L, tier.stats().skipped().get(SemanticTier.Skip.LATE));
    }
  }

  @Test
  void callersBeyondWhatFitsTheirBudgetAreAnsweredAtOnceAndNoneWaitsPastIt() throws Exception {
    Timed encoder = new Timed(5); // 13 characters: 100 ms, long beside a loaded machine's scheduling delays
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 64, 1))) {
      assertTrue(tier.encode("a".repeat(13), deadline(1000)).isPresent()); // the first batch: not the estimate
      assertTrue(tier.encode("a".repeat(13), deadline(1000)).isPresent());
      long budgetMillis = 450; // four fit (400 ms), the fifth would end at 500
      int callers = 10;
      long[] took = new long[callers];
      boolean[] encoded = new boolean[callers];
      List<Thread> threads = new java.util.ArrayList<>();
      for (int i = 0; i < callers; i++) {
        int k = i;
        Thread t = new Thread(() -> {
          long started = System.nanoTime();
          encoded[k] = tier.encode("a".repeat(13), started + TimeUnit.MILLISECONDS.toNanos(budgetMillis)).isPresent();
          took[k] = (System.nanoTime() - started) / 1_000_000;
        });
        t.start();
        threads.add(t);
        while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.TERMINATED) {
          Thread.sleep(1);
        }
      }
      for (Thread t : threads) {
        t.join();
      }
      SemanticTier.Stats stats = tier.stats();
      for (int i = 0; i < callers; i++) {
        assertTrue(took[i] <= budgetMillis + 50, "caller " + i + " waited " + took[i] + " ms");
        if (!encoded[i]) {
          assertTrue(took[i] < 50, "refused caller " + i + " waited " + took[i] + " ms before its fast verdict");
        }
      }
      assertEquals(0L, stats.skipped().get(SemanticTier.Skip.LATE), "an admitted text missed its budget: " + stats);
      assertTrue(stats.skipped().get(SemanticTier.Skip.BUDGET) >= 1, "nothing was refused: " + stats);
      assertEquals(callers + 2, stats.ran() + stats.skipped().get(SemanticTier.Skip.BUDGET));
    }
  }

  @Test
  void aTextOverTheEncodersTokensCostsWhatItsCutPartDoes() {
    Timed encoder = new Timed(1, 50);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      for (int i = 0; i < 3; i++) {
        assertTrue(tier.encode("a".repeat(13), deadline(1000)).isPresent());
      }
      // 1,000 characters, cut to 50 tokens: 57 ms of encoding, for a 200 ms budget
      assertTrue(tier.encode("a".repeat(1000), deadline(200)).isPresent(), "refused as if it were read whole: " + tier.stats());
    }
  }

  @Test
  void aSaturatedProcessGetsNoTextEncodedAndACalmOneDoes() {
    Timed encoder = new Timed(0);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      AtomicInteger inFlight = new AtomicInteger(40);
      tier.yieldTo(Admission.Yield.above(inFlight::get, 16));
      assertTrue(tier.encode("你真是个人才", deadline(1000)).isEmpty());
      assertEquals(0, encoder.calls.get(), "a text reached the encoder while the process was saturated");
      assertEquals(1L, tier.stats().skipped().get(SemanticTier.Skip.YIELD));
      inFlight.set(3);
      assertTrue(tier.encode("你真是个人才", deadline(1000)).isPresent(), "the calm process got no vector");
      assertEquals(1, encoder.calls.get());
    }
  }

  /** The time in the encoder is counted, so a scrape's rate says what share of a core the tier took. */
  @Test
  void theTimeInTheEncoderIsCounted() {
    Timed encoder = new Timed(2);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      assertEquals(1, tier.warmUp(List.of("一"), TimeUnit.SECONDS.toNanos(5)));
      // 8 units at 2 ms, then 10 units at 2 ms
      assertTrue(tier.encode("abc", deadline(5_000)).isPresent());
      long busyMillis = tier.stats().busyNanos() / 1_000_000;
      assertTrue(busyMillis >= 36, tier.stats()::toString);
    }
  }

  /**
   * The warm-up runs the encoder before any caller and teaches admission its cost, counted apart:
   * the first caller's text that cannot be encoded within its budget is refused at once, where a tier
   * not warmed admits it (no estimate yet) and its caller waits for nothing.
   */
  @Test
  void aWarmedTierKnowsItsCostBeforeItsFirstCaller() {
    Timed encoder = new Timed(2);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      assertEquals(3, tier.warmUp(List.of("一", "一二", "一二三"), TimeUnit.SECONDS.toNanos(5)));
      assertEquals(3, encoder.calls.get());
      assertEquals(3L, tier.stats().warmedUp());
      assertEquals(0L, tier.stats().ran(), "warm-up texts are no caller's");
      // 47 units at 2 ms or more each, for a 30 ms budget
      assertTrue(tier.encode("a".repeat(40), deadline(30)).isEmpty());
      assertEquals(1L, tier.stats().skipped().get(SemanticTier.Skip.BUDGET), tier.stats()::toString);
      assertEquals(3, encoder.calls.get(), "the text was queued although it could not be encoded in time");
    }
  }

  /** An encoder slower than the warm-up's bound stops it there: start-up waits no longer than that. */
  @Test
  void theWarmUpEndsAtItsBound() {
    Timed encoder = new Timed(200);
    try (SemanticTier tier = new SemanticTier(encoder, new SemanticTier.Settings(1, 16, 1))) {
      long start = System.nanoTime();
      // unbounded, ten texts of 8 units would take 16 s
      int done = tier.warmUp(java.util.Collections.nCopies(10, "一"), TimeUnit.MILLISECONDS.toNanos(300));
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(0, done);
      assertTrue(took < 1500, "the warm-up took " + took + " ms");
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
