package org.humiao.events.summary;

import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalEntry;

import java.util.List;

/** Where a listing goes on past the newest events {@link RecentEvents} holds. */
@FunctionalInterface
public interface OlderEvents {
  /** Nothing past memory: views fed from Kafka keep no history of their own. */
  OlderEvents NONE = (beforeOffset, filter, limit) -> List.of();

  /** The journal's older events, skipping the segments outside the filter's time range. */
  static OlderEvents of(Journal journal) {
    return (beforeOffset, filter, limit) -> journal.newestFirst(beforeOffset, filter, filter.from(), filter.to(), limit);
  }

  /**
   * Up to {@code limit} matches below {@code beforeOffset}, newest first; the filter's time range
   * lets the journal skip segments ({@code Journal#newestFirst}).
   */
  List<JournalEntry> newestFirst(long beforeOffset, EventFilter filter, int limit);
}
