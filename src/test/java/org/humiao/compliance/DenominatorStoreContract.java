package org.humiao.compliance;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link DenominatorStore} does, run against the day files and Redis alike: each
 * implementation's test class extends this, puts a fresh, empty store of the screened texts in
 * {@link #store} and says how to reach the same counts again (a restart, or another instance) and
 * how to open another denominator's store beside it; and the {@link DenominatorTally} on top of it
 * counts every text once.
 */
abstract class DenominatorStoreContract {
  static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  DenominatorStore store;

  /** The same counts through a new store: after a restart (day files) or from another instance (Redis). */
  abstract DenominatorStore reopen() throws Exception;

  /** A store adding to the same counts at the same time: another instance (Redis), or the store itself (one process owns the files). */
  abstract DenominatorStore peer() throws Exception;

  /** A store of {@code denominator} in the same data dir or under the same Redis prefix as {@link #store}. */
  abstract DenominatorStore beside(Denominator denominator) throws Exception;

  @Test
  void eachDenominatorKeepsItsOwnCounts() throws Exception {
    DenominatorStore sessions = beside(Denominator.MINOR_SESSIONS);
    assertEquals(Denominator.SCREENED_TEXTS, store.denominator());
    assertEquals(Denominator.MINOR_SESSIONS, sessions.denominator());
    store.add(Map.of(new TallyKey(DAY, "a", null), 5L));
    sessions.add(Map.of(new TallyKey(DAY, "a", null), 2L, new TallyKey(DAY, "b", null), 1L));
    sessions.add(Map.of(new TallyKey(DAY, "a", null), 3L));
    assertEquals(Map.of(new TallyKey(DAY, "a", null), 5L), reopen().read(DAY, DAY), "the texts, not the sessions");
    sessions.close();
    assertEquals(Map.of(new TallyKey(DAY, "a", null), 5L, new TallyKey(DAY, "b", null), 1L),
        beside(Denominator.MINOR_SESSIONS).read(DAY, DAY), "the sessions, after a restart or from another instance");
  }

  @Test
  void countsAddUpAndAreReadBackAfterARestartByDayPlatformAndRegion() throws Exception {
    store.add(Map.of(new TallyKey(DAY, "a", "530502"), 3L, new TallyKey(DAY, "a", null), 2L));
    store.add(Map.of(new TallyKey(DAY, "a", "530502"), 4L, new TallyKey(DAY, "b", "530502"), 1L));
    store.add(Map.of(new TallyKey(DAY.plusDays(1), "a", "530502"), 10L));
    store.add(Map.of(new TallyKey(DAY.minusDays(1), "a", "530502"), 100L));
    Map<TallyKey, Long> expected = Map.of(
        new TallyKey(DAY, "a", "530502"), 7L,
        new TallyKey(DAY, "a", null), 2L,
        new TallyKey(DAY, "b", "530502"), 1L,
        new TallyKey(DAY.plusDays(1), "a", "530502"), 10L);
    assertEquals(expected, store.read(DAY, DAY.plusDays(1)), "both days, inclusive, and not the day before");
    assertEquals(expected, reopen().read(DAY, DAY.plusDays(1)), "after a restart or from another instance");
    assertEquals(Map.of(), store.read(DAY.plusDays(2), DAY.plusDays(30)), "days without counts");
  }

  @Test
  void aWriteOfSeveralDaysIsRefusedAndAddsNothing() {
    assertThrows(IllegalArgumentException.class, () -> store.add(Map.of(new TallyKey(DAY, "a", "530502"), 1L,
        new TallyKey(DAY.plusDays(1), "a", "530502"), 1L)));
    assertEquals(Map.of(), store.read(DAY, DAY.plusDays(1)));
  }

  @Test
  void twoWritersAtOnceLoseNothing() throws Exception {
    DenominatorStore other = peer();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        DenominatorStore writer = i % 2 == 0 ? store : other;
        String platform = "p" + i % 3;
        writes.add(threads.submit(() -> writer.add(Map.of(new TallyKey(DAY, platform, "530502"), 5L))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      threads.shutdown();
    }
    Map<TallyKey, Long> read = reopen().read(DAY, DAY);
    assertEquals(Map.of(new TallyKey(DAY, "p0", "530502"), 67L * 5, new TallyKey(DAY, "p1", "530502"), 67L * 5,
        new TallyKey(DAY, "p2", "530502"), 66L * 5), read);
  }

  @Test
  void theTallyStoresEveryTextOnceWhileItCountsAndFlushesAtTheSameTime() throws Exception {
    // 16:00 UTC is midnight in Beijing: texts counted on either side land on two days
    MovableClock clock = new MovableClock(Instant.parse("2026-11-23T15:59:59Z"));
    DenominatorTally tally = DenominatorTally.start(store, clock);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    AtomicBoolean counting = new AtomicBoolean(true);
    try {
      List<Future<?>> counters = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String region = t % 2 == 0 ? "530502" : null;
        counters.add(threads.submit(() -> {
          for (int i = 0; i < 5_000; i++) {
            tally.count("demo", region);
            if (i == 2_500) {
              clock.set(Instant.parse("2026-11-23T16:00:01Z"));
            }
          }
        }));
      }
      Future<?> flushing = threads.submit(() -> {
        while (counting.get()) {
          tally.flush();
        }
      });
      for (Future<?> c : counters) {
        c.get();
      }
      counting.set(false);
      flushing.get();
    } finally {
      threads.shutdown();
    }
    tally.close();
    Map<TallyKey, Long> stored = reopen().read(DAY, DAY.plusDays(1));
    assertEquals(20_000L, stored.values().stream().mapToLong(Long::longValue).sum(), stored::toString);
    assertEquals(10_000L, stored.entrySet().stream().filter(e -> e.getKey().region() == null)
        .mapToLong(Map.Entry::getValue).sum(), "the texts that named no region");
    assertEquals(2, stored.keySet().stream().map(TallyKey::day).distinct().count(), "both Beijing days");
  }

  @Test
  void aFlushThatFailsIsSentWholeByTheNextAndNothingTwice() {
    AtomicInteger failures = new AtomicInteger(1);
    DenominatorStore failingOnce = new DenominatorStore() {
      @Override
      public Denominator denominator() {
        return store.denominator();
      }

      @Override
      public void add(Map<TallyKey, Long> counts) {
        if (failures.getAndDecrement() > 0) {
          throw new IllegalStateException("disk full");
        }
        store.add(counts);
      }

      @Override
      public Map<TallyKey, Long> read(LocalDate from, LocalDate to) {
        return store.read(from, to);
      }

      @Override
      public void close() {
        // the contract's store is closed by the test class
      }
    };
    DenominatorTally tally = DenominatorTally.start(failingOnce, Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC));
    for (int i = 0; i < 7; i++) {
      tally.count("demo", "530502");
    }
    assertThrows(IllegalStateException.class, tally::flush);
    tally.count("demo", "530502");
    tally.flush();
    tally.close();
    assertEquals(Map.of(new TallyKey(DAY, "demo", "530502"), 8L), store.read(DAY, DAY));
  }

  /** A clock a test moves; read by the counting threads. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
