package org.humiao.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts one {@link Denominator} (screened texts, minor-mode sessions) per (Beijing day, platform,
 * region) in memory, where counting is one {@link LongAdder} increment on the caller's thread (an
 * event loop may count), and hands the counts to the {@link DenominatorStore} from a thread of its
 * own every {@link #FLUSH_INTERVAL}, so a request never waits for a disk or Redis. Adders are never reset (a reset can lose an increment racing it): each
 * counter remembers what it has flushed and sends the difference, so a failed flush is retried
 * whole at the next one. A crash loses at most the counts of one interval.
 */
public final class DenominatorTally implements AutoCloseable {
  /** Often enough that a report read a moment later is nearly whole, rarely enough to cost nothing. */
  public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(2);
  /** Regulators count by the Beijing calendar day, as the event summaries do. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final System.Logger LOG = System.getLogger(DenominatorTally.class.getName());

  private final DenominatorStore store;
  private final Clock clock;
  private final Map<TallyKey, Counter> counters = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;
  /** The Beijing day the clock was last in, and its bounds: every text asks, the day changes once a day. */
  private volatile Day today = new Day(LocalDate.MIN, 0, 0);

  /** A day and the epoch milliseconds it spans, {@code [start, end)}. */
  private record Day(LocalDate date, long start, long end) {
    static Day of(long millis) {
      LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZONE);
      return new Day(date, date.atStartOfDay(ZONE).toInstant().toEpochMilli(),
          date.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli());
    }
  }

  private static final class Counter {
    final LongAdder counted = new LongAdder();
    /** Written by the flush only, under the tally's lock. */
    long flushed;
  }

  private DenominatorTally(DenominatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.flusher = Executors.newSingleThreadScheduledExecutor(run -> {
      Thread thread = new Thread(run, "humiao-" + store.denominator().id + "-tally");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A tally flushing to {@code store} (which it closes) every {@link #FLUSH_INTERVAL}. */
  public static DenominatorTally start(DenominatorStore store, Clock clock) {
    DenominatorTally tally = new DenominatorTally(store, clock);
    long millis = FLUSH_INTERVAL.toMillis();
    tally.flusher.scheduleWithFixedDelay(tally::flushLogged, millis, millis, TimeUnit.MILLISECONDS);
    return tally;
  }

  /** One text screened (or session asked for) on {@code platform}, its request naming {@code region} (null: none). */
  public void count(String platform, String region) {
    long now = clock.millis();
    Day day = today;
    if (now < day.start() || now >= day.end()) {
      // a clock set back (tests, a corrected host clock) finds its day the same way
      day = Day.of(now);
      today = day;
    }
    TallyKey key = new TallyKey(day.date(), platform, region);
    counters.computeIfAbsent(key, k -> new Counter()).counted.increment();
  }

  /** The stored counts of the days {@code from} to {@code to}, both inclusive. */
  public Map<TallyKey, Long> read(LocalDate from, LocalDate to) {
    return store.read(from, to);
  }

  /**
   * Sends what was counted since the last flush, one store write per day.
   *
   * @throws RuntimeException the store's failure; what it did not take is sent next time
   */
  public synchronized void flush() {
    Map<LocalDate, Map<TallyKey, Long>> byDay = new TreeMap<>();
    Map<TallyKey, Long> sums = new HashMap<>();
    counters.forEach((key, counter) -> {
      long sum = counter.counted.sum();
      if (sum > counter.flushed) {
        byDay.computeIfAbsent(key.day(), d -> new HashMap<>()).put(key, sum - counter.flushed);
        sums.put(key, sum);
      }
    });
    for (Map<TallyKey, Long> day : byDay.values()) {
      store.add(day);
      day.keySet().forEach(key -> counters.get(key).flushed = sums.get(key));
    }
    // a day before yesterday gets no more counts: its counters go once all is sent
    LocalDate stale = LocalDate.ofInstant(clock.instant(), ZONE).minusDays(1);
    counters.entrySet().removeIf(e -> e.getKey().day().isBefore(stale) && e.getValue().counted.sum() == e.getValue().flushed);
  }

  private void flushLogged() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, store.denominator().id + " counts not stored yet, kept for the next flush: " + e.getMessage());
    }
  }

  /** Stops the flusher, sends what is left, and closes the store. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, store.denominator().id + " counts of the last interval lost at stop: " + e.getMessage());
    } finally {
      store.close();
    }
  }
}
