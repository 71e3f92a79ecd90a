package org.humiao.screening;

import java.time.Duration;
import java.util.Objects;

/**
 * The most one text may cost the engine: HanLP segmentations (each guarded or word-start match
 * segments a window around itself) and time, counted from the call's start and checked between
 * the fast tier's stages. A text over either is answered review with reason engine_error, as a
 * text the engine failed on: a crafted text must neither pass unscreened nor hold a worker.
 *
 * @param maxSegmentations segmentation calls one text may make
 * @param budget how long one text's fast tier may run; the semantic tier keeps its own scene budgets.
 *     A backstop, not a latency target: wall-clock time, so it must leave room for a GC pause or a
 *     starved CPU, which would otherwise send ordinary texts to review
 */
public record CostCaps(int maxSegmentations, Duration budget) {
  /** What the service uses unless its settings say otherwise (maxSegmentationsPerText, textBudgetMs). */
  public static final CostCaps DEFAULT = new CostCaps(64, Duration.ofMillis(500));

  public CostCaps {
    Objects.requireNonNull(budget, "budget");
    if (maxSegmentations < 0 || budget.isNegative()) {
      throw new IllegalArgumentException("cost caps must not be negative: " + maxSegmentations + ", " + budget);
    }
  }

  /** This text's share, counted from {@code startedNanos} ({@link System#nanoTime()}). */
  TextBudget start(long startedNanos) {
    return new TextBudget(this, startedNanos + budget.toNanos());
  }
}
