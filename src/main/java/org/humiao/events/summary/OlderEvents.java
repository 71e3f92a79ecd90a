package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;

import java.util.List;
import java.util.function.Predicate;

/** Where a listing goes on past the newest events {@link RecentEvents} holds. */
@FunctionalInterface
public interface OlderEvents {
  /** Nothing past memory: views fed from Kafka keep no history of their own. */
  OlderEvents NONE = (beforeOffset, filter, limit) -> List.of();

  /** Up to {@code limit} matches below {@code beforeOffset}, newest first ({@code Journal::newestFirst}). */
  List<JournalEntry> newestFirst(long beforeOffset, Predicate<ViolationEvent> filter, int limit);
}
