package org.humiao.compliance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tally finds a text's Beijing day from the day it last saw, and moves on (or back) with the clock. */
class DenominatorTallyTest {
  @Test
  void eachTextCountsOnTheBeijingDayOfItsClockReading() {
    Map<TallyKey, Long> stored = new HashMap<>();
    DenominatorStore store = new DenominatorStore() {
      @Override
      public Denominator denominator() {
        return Denominator.SCREENED_TEXTS;
      }

      @Override
      public void add(Map<TallyKey, Long> counts) {
        DenominatorStore.day(counts);
        counts.forEach((key, n) -> stored.merge(key, n, Long::sum));
      }

      @Override
      public Map<TallyKey, Long> read(LocalDate from, LocalDate to) {
        return Map.of();
      }

      @Override
      public void close() {}
    };
    DenominatorStoreContract.MovableClock clock = new DenominatorStoreContract.MovableClock(
        Instant.parse("2026-11-23T15:59:59.999Z"));
    DenominatorTally tally = DenominatorTally.start(store, clock);
    tally.count("demo", null);
    clock.set(Instant.parse("2026-11-23T16:00:00Z"));  // midnight in Beijing
    tally.count("demo", null);
    tally.count("demo", "530502");
    clock.set(Instant.parse("2026-11-23T01:00:00Z"));  // set back: the 23rd again
    tally.count("demo", null);
    clock.set(Instant.parse("2026-11-25T12:00:00Z"));
    tally.count("demo", null);
    tally.close();

    LocalDate d23 = LocalDate.parse("2026-11-23");
    assertEquals(Map.of(new TallyKey(d23, "demo", null), 2L,
        new TallyKey(d23.plusDays(1), "demo", null), 1L,
        new TallyKey(d23.plusDays(1), "demo", "530502"), 1L,
        new TallyKey(d23.plusDays(2), "demo", null), 1L), stored);
  }
}
