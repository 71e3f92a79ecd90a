package org.humiao.screening;

import java.util.Locale;

/** One text's {@link CostCaps} as the engine spends them; {@link OverBudget} once one is spent. Used by one thread. */
final class TextBudget {
  /** The fast tier's stages, after each of which the clock is read. */
  enum Stage {
    /** Terms, their spellings and the context rules, with the segmentations they ask for. */
    LEXICON,
    PERSONAL_INFO,
    /** The n-gram model's score. */
    MODEL;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A text went over its caps; the engine answers it review (engine_error). No stack trace: it is expected. */
  static final class OverBudget extends RuntimeException {
    OverBudget(String message) {
      super(message, null, false, false);
    }
  }

  private final CostCaps caps;
  private long deadlineNanos;
  private int segmentations;

  TextBudget(CostCaps caps, long deadlineNanos) {
    this.caps = caps;
    this.deadlineNanos = deadlineNanos;
  }

  /** Counts one segmentation, and reads the clock: thousands of them are what makes a text slow. */
  void segmentation() {
    if (++segmentations > caps.maxSegmentations()) {
      throw new OverBudget("text needs over " + caps.maxSegmentations() + " segmentations");
    }
    check(Stage.LEXICON);
  }

  /** Moves the deadline {@code nanos} later: time spent on something once per process, not on this text. */
  void excuse(long nanos) {
    deadlineNanos += nanos;
  }

  /** @param during the stage that is running or has just ended */
  void check(Stage during) {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new OverBudget("text over its " + caps.budget().toMillis() + " ms budget in stage " + during.id());
    }
  }
}
