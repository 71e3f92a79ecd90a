package org.humiao.minor;

import java.util.List;

/**
 * Staged warnings before a cut-off, at 20, 15, 5 and 1 minutes. A heartbeat warns when the time
 * left passed a stage during the play it reports, so retries of one heartbeat warn alike and a
 * stage is not repeated by the next heartbeat.
 */
final class Warnings {
  private static final List<Integer> MINUTES = List.of(1, 5, 15, 20);

  private Warnings() {}

  /** The stage {@code left} seconds are in (for a start), or null when more than 20 minutes. */
  static Integer stage(long left) {
    return crossed(left, Long.MAX_VALUE - left);
  }

  /** The most urgent stage passed while {@code elapsed} seconds went down to {@code left}. */
  static Integer crossed(long left, long elapsed) {
    for (int m : MINUTES) {
      long at = m * 60L;
      if (left <= at && at < left + elapsed) {
        return m;
      }
    }
    return null;
  }
}
