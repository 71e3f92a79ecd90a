package org.humiao.events.summary;

import org.humiao.events.journal.JournalEntry;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a newest-first listing.
 *
 * @param nextBefore pass as {@code beforeOffset} for the next page; empty when this page was the last
 */
public record EventPage(List<JournalEntry> entries, OptionalLong nextBefore) {
  public EventPage {
    entries = List.copyOf(entries);
  }
}
