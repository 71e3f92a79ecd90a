package org.humiao.compliance;

import java.io.Closeable;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where the counts of one {@link Denominator} behind the compliance rates are kept: in the data dir
 * (embedded profile) or in Redis (cluster profile), where every instance adds to the same counts. Calls may
 * block on a disk force or a Redis round trip, so they run off the event loop.
 */
public interface DenominatorStore extends Closeable {

  /** What this store counts; a store of another denominator never sees these counts. */
  Denominator denominator();

  /**
   * Adds each count to what is stored under its key, all of them or (on an exception) none; once
   * this returns, they are durable. The counts are of one day, which is what one write can cover.
   *
   * @throws IllegalArgumentException when the counts span several days
   */
  void add(Map<TallyKey, Long> counts);

  /** The one day of {@code counts}, or the exception {@link #add} documents. */
  static LocalDate day(Map<TallyKey, Long> counts) {
    LocalDate day = null;
    for (TallyKey key : counts.keySet()) {
      if (day != null && !day.equals(key.day())) {
        throw new IllegalArgumentException("counts of " + day + " and " + key.day() + " in one write");
      }
      day = key.day();
    }
    return day;
  }

  /** Every stored count of the days {@code from} to {@code to}, both inclusive. */
  Map<TallyKey, Long> read(LocalDate from, LocalDate to);

  @Override
  void close();
}
