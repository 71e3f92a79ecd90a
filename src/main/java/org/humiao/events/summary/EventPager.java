package org.humiao.events.summary;

import org.humiao.events.journal.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Lists events newest first, filtered and paged by offset. Pages come from {@link RecentEvents}
 * while it reaches; past its oldest entry, or for a filter too rare to fill a page from it, the
 * journal is scanned backwards ({@link OlderEvents}; fed from Kafka there is no journal of the
 * views' events, and a listing ends where the ring does). The ring makes the common case (the latest
 * pages of a dashboard) free of disk reads, and the scan keeps old pages possible without an index
 * of every event.
 */
public final class EventPager {
  public static final int MAX_LIMIT = 1000;

  private final RecentEvents recent;
  private final OlderEvents older;

  public EventPager(RecentEvents recent, OlderEvents older) {
    this.recent = recent;
    this.older = older;
  }

  /** Matches below {@code beforeOffset} ({@code Long.MAX_VALUE} for the first page), newest first. */
  public EventPage page(EventFilter filter, long beforeOffset, int limit) {
    if (limit <= 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("page size must be 1.." + MAX_LIMIT + ", not " + limit);
    }
    RecentEvents.Slice slice = recent.newestFirst(beforeOffset, filter, limit);
    List<JournalEntry> entries = new ArrayList<>(slice.entries());
    if (entries.size() < limit && slice.oldestHeld() > 0) {
      entries.addAll(older.newestFirst(Math.min(beforeOffset, slice.oldestHeld()), filter, limit - entries.size()));
    }
    OptionalLong next = entries.size() == limit ? OptionalLong.of(entries.get(limit - 1).offset()) : OptionalLong.empty();
    return new EventPage(entries, next);
  }
}
