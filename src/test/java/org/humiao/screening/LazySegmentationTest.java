package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HanLP's dictionaries load at start only when the engine warms up (the service); without the
 * warm-up (the file commands) they load with the first text that needs a segmentation, which
 * answers exactly as a warmed engine does and is not charged for the load.
 */
class LazySegmentationTest {
  /** Matches inside innocent words (日本, 沙 and 比例), which the guard segments. */
  private static final String SEGMENTED = "操场日本沙比例";

  @Test
  void theServicesEngineLoadsTheDictionariesBeforeItIsHandedOut() {
    assertTrue(ShippedEngine.get().segmentationLoaded());
  }

  @Test
  void withoutWarmUpTheFirstTextThatNeedsASegmentationLoadsThemAndAnswersAlike() {
    // the warm engine's answers first: its classes loaded, the lazy engine's first texts are not
    // slow for reasons of the test JVM's own
    ScreeningResult thanksWarm = ShippedEngine.get().screen("谢谢你");
    ScreeningResult segmentedWarm = ShippedEngine.get().screen(SEGMENTED);
    try (ScreeningEngine lazy = ScreeningEngine.builder(ShippedEngine.LEXICONS, Clock.systemDefaultZone())
        .warmUp(false).build()) {
      assertFalse(lazy.segmentationLoaded(), "loaded at start");
      assertEquals(thanksWarm, lazy.screen("谢谢你"));
      assertFalse(lazy.segmentationLoaded(), "loaded for a text without a match to segment");
      assertEquals(segmentedWarm, lazy.screen(SEGMENTED));
      assertTrue(lazy.segmentationLoaded());
      assertEquals(0, lazy.failures());
    }
  }

  @Test
  void timeExcusedFromATextsBudgetMovesItsDeadline() {
    TextBudget spent = new CostCaps(64, Duration.ZERO).start(System.nanoTime());
    assertThrows(TextBudget.OverBudget.class, () -> spent.check(TextBudget.Stage.LEXICON));
    TextBudget excused = new CostCaps(64, Duration.ZERO).start(System.nanoTime());
    excused.excuse(Duration.ofMinutes(1).toNanos());
    assertDoesNotThrow(() -> excused.check(TextBudget.Stage.LEXICON));
  }
}
