package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's cost caps: a text over its segmentations or its time budget is held for review (engine_error), fast. */
class ScreeningCostCapsTest {
  /** Thousands of matches inside innocent words (操场, 日本, 沙比例), each asking for a segmentation. */
  private static final String SEGMENTATION_HEAVY = "操场日本沙比例".repeat(800).substring(0, TextLimits.DEFAULT_MAX_LENGTH);

  private static ScreeningEngine engine(CostCaps caps) {
    return ScreeningEngine.builder(ShippedEngine.LEXICONS, Clock.systemDefaultZone()).caps(caps).build();
  }

  @Test
  void aTextOverItsSegmentationCapIsHeldForReviewWithoutSegmentingOn() {
    ScreeningEngine capped = ShippedEngine.get();
    ScreeningEngine uncapped = engine(new CostCaps(1_000_000, Duration.ofMinutes(1)));
    long failuresBefore = capped.failures();
    ScreeningResult result = capped.screen(SEGMENTATION_HEAVY);
    assertEquals(Decision.REVIEW, result.decision());
    assertEquals(Reason.ENGINE_ERROR, result.reason());
    assertEquals(failuresBefore + 1, capped.failures());
    assertNotEquals(Reason.ENGINE_ERROR, uncapped.screen(SEGMENTATION_HEAVY).reason(), "only the caps make it an engine error");
    // some 2,000 segmentations against 64: the capped text stops early (timed warm, the best of three each)
    long cappedNanos = fastest(capped);
    long uncappedNanos = fastest(uncapped);
    assertTrue(cappedNanos * 3 < uncappedNanos, "capped " + cappedNanos / 1000 + " µs, uncapped " + uncappedNanos / 1000 + " µs");
    assertEquals(Decision.PASS, capped.screen("今天放学后去操场打球吗").decision(), "a few segmentations are within the cap");
  }

  private static long fastest(ScreeningEngine engine) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      engine.screen(SEGMENTATION_HEAVY);
      best = Math.min(best, System.nanoTime() - started);
    }
    return best;
  }

  @Test
  void aHitInsideAKeptOneOfItsCategoryCostsNoSegmentation() {
    // 贱人 after 这 is segmented to see whether a word crosses its start; 贱 inside it, dropped anyway, is not
    ScreeningEngine oneSegmentation = engine(new CostCaps(1, Duration.ofMinutes(1)));
    ScreeningResult result = oneSegmentation.screen("这贱人打野");
    assertNotEquals(Reason.ENGINE_ERROR, result.reason());
    assertEquals(engine(new CostCaps(1_000_000, Duration.ofMinutes(1))).screen("这贱人打野"), result);
  }

  @Test
  void aTextOverItsTimeBudgetIsHeldForReview() {
    ScreeningEngine spent = engine(new CostCaps(64, Duration.ZERO));
    ScreeningResult result = spent.screen("今天一起开黑吗");
    assertEquals(Decision.REVIEW, result.decision());
    assertEquals(Reason.ENGINE_ERROR, result.reason());
    assertEquals(Decision.PASS, ShippedEngine.get().screen("今天一起开黑吗").decision(), "within the default budget it passes");
  }
}
