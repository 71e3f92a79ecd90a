package org.humiao.screening.semantic.admission;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.humiao.screening.semantic.admission.Admission.Verdict.ADMITTED;
import static org.humiao.screening.semantic.admission.Admission.Verdict.OVER_BUDGET;
import static org.humiao.screening.semantic.admission.Admission.Verdict.YIELDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admission decided on a clock the test sets: the estimate per character, the wait ahead, yielding. */
class AdmissionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  /** 13 characters: 20 units, which the estimate below puts at 20 ms. */
  private static final int SHORT = Admission.units(13);

  /** An admission whose estimate is 1 ms per unit, from a cold first batch and one of a short text, nothing waiting. */
  private static Admission measured(int workers) {
    Admission a = new Admission(workers, 0);
    assertEquals(ADMITTED, a.admit(SHORT, 0, 10_000 * MS));
    a.done(SHORT, 3_000 * MS, 0); // cold: not the estimate
    assertEquals(ADMITTED, a.admit(SHORT, 0, 1000 * MS));
    a.done(SHORT, 20 * MS, 20 * MS);
    return a;
  }

  @Test
  void theFirstBatchPaysTheModelsLoadAndIsNotTakenAsTheEstimate() {
    Admission a = new Admission(1, 0);
    assertEquals(ADMITTED, a.admit(SHORT, 0, 10_000 * MS));
    a.done(SHORT, 5_000 * MS, 5_000 * MS); // the lazy encoder loaded its model in this batch
    assertEquals(ADMITTED, a.admit(SHORT, 5_000 * MS, 15_000 * MS));
    a.done(SHORT, 20 * MS, 5_020 * MS);
    long now = 5_030 * MS;
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 100 * MS), "a 20 ms text refused a 100 ms budget because of the load");
  }

  @Test
  void aLongTextIsPredictedByItsLengthNotByTheAverageText() {
    Admission a = measured(1);
    long now = 30 * MS;
    // 193 characters: 200 units, 200 ms at the measured rate; the short texts measured took 20 ms each
    assertEquals(OVER_BUDGET, a.admit(Admission.units(193), now, now + 100 * MS));
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 100 * MS));
  }

  @Test
  void textsAreAdmittedWhileTheWaitAheadAndTheirOwnFitTheirBudget() {
    Admission a = measured(1);
    long now = 30 * MS;
    long deadline = now + 70 * MS;
    assertEquals(ADMITTED, a.admit(SHORT, now, deadline)); // done at 20 ms
    assertEquals(ADMITTED, a.admit(SHORT, now, deadline)); // 40
    assertEquals(ADMITTED, a.admit(SHORT, now, deadline)); // 60
    assertEquals(OVER_BUDGET, a.admit(SHORT, now, deadline), "80 ms of work for a 70 ms budget");
    a.done(SHORT, 20 * MS, now + 20 * MS);
    assertEquals(ADMITTED, a.admit(SHORT, now + 20 * MS, deadline + 20 * MS), "one encoded: room again");
    a.dropped(SHORT);
    a.dropped(SHORT);
    assertEquals(ADMITTED, a.admit(SHORT, now + 20 * MS, now + 20 * MS + 41 * MS), "dropped texts no longer count as ahead");
  }

  @Test
  void twoWorkersShareTheWaitAhead() {
    Admission a = measured(2);
    long now = 30 * MS;
    long deadline = now + 51 * MS;
    // the i-th text waits for half the units ahead of it, then its own: 20, 30, 40, 50 ms, then 60
    for (int i = 0; i < 4; i++) {
      assertEquals(ADMITTED, a.admit(SHORT, now, deadline), "text " + i);
    }
    assertEquals(OVER_BUDGET, a.admit(SHORT, now, deadline));
  }

  @Test
  void aStaleEstimateIsTestedAgainByOneTextWhenNothingWaits() {
    Admission a = new Admission(1, 0);
    a.admit(SHORT, 0, 1000 * MS);
    a.done(SHORT, MS, 0); // the first batch, not the estimate
    a.admit(SHORT, 0, 1000 * MS);
    a.done(SHORT, 500 * MS, 500 * MS); // one slow batch: 25 ms a unit
    long later = 500 * MS + Admission.PROBE_NANOS + MS;
    assertEquals(OVER_BUDGET, a.admit(SHORT, 600 * MS, 650 * MS), "within a second the estimate stands");
    assertEquals(ADMITTED, a.admit(SHORT, later, later + 50 * MS), "a second later one text tests it");
    a.dropped(SHORT);
    assertEquals(OVER_BUDGET, a.admit(SHORT, later + MS, later + 51 * MS), "one probe per second, not every text");
  }

  @Test
  void underASaturatedSignalNothingIsAdmittedAndWhenItIsCalmTextsAreAgain() {
    Admission a = measured(1);
    AtomicInteger load = new AtomicInteger();
    a.yieldTo(Admission.Yield.above(load::get, 16));
    long now = 30 * MS;
    load.set(17);
    assertEquals(YIELDED, a.admit(SHORT, now, now + 1000 * MS));
    assertEquals(YIELDED, a.admit(SHORT, now, now + 1000 * MS), "a yielded text reserves nothing and is not queued");
    load.set(16);
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 1000 * MS), "at the mark the tier admits");
    load.set(1000);
    assertEquals(YIELDED, a.admit(SHORT, now, now + 1000 * MS));
    load.set(0);
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 1000 * MS));
    a.yieldTo(Admission.Yield.never());
    load.set(Integer.MAX_VALUE);
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 1000 * MS));
  }

  @Test
  void eitherSignalOverItsMarkYields() {
    Admission a = measured(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger lagMicros = new AtomicInteger();
    a.yieldTo(Admission.Yield.above(inFlight::get, 16).or(Admission.Yield.above(lagMicros::get, 5_000)));
    long now = 30 * MS;
    assertEquals(ADMITTED, a.admit(SHORT, now, now + 1000 * MS), "both calm");
    lagMicros.set(5_001);
    assertEquals(YIELDED, a.admit(SHORT, now, now + 1000 * MS), "the loops behind, nothing in flight");
    lagMicros.set(0);
    inFlight.set(17);
    assertEquals(YIELDED, a.admit(SHORT, now, now + 1000 * MS), "the pool full, the loops on time");
  }
}
