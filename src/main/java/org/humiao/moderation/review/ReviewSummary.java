package org.humiao.moderation.review;

import java.util.Map;

/**
 * What regulators see of the queues: counts, never a text. Per kind of task.
 *
 * @param withinHours the handling time that {@link Counts#handledInTime()} counts against
 */
public record ReviewSummary(int withinHours, Map<TaskKind, Counts> kinds) {

  /**
   * @param minor tasks that concern a minor (complaints only)
   * @param handledInTime tasks resolved within {@code withinHours} of their creation
   * @param meanHandlingSeconds the mean time from creation to resolution; 0 with nothing resolved
   */
  public record Counts(long open, long resolved, long confirmed, long overturned, long minor, long handledInTime,
                       long meanHandlingSeconds) {}
}
