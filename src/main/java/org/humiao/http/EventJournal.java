package org.humiao.http;

import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalOptions;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.LiveEvents;
import org.humiao.events.summary.RecentEvents;
import org.humiao.events.summary.ViolationSummaries;

import java.io.IOException;
import java.nio.file.Path;

/** The journal of violation events in the data dir and the views the regulator routes read; opened and closed together. */
record EventJournal(Journal journal, ViolationSummaries summaries, RecentEvents recent, EventPager pager,
                    LiveEvents live) implements AutoCloseable {
  /** Enough for the first pages of every listing to come from memory; a few MB of events. */
  private static final int RECENT_EVENTS = 10_000;

  static EventJournal open(Path dataDir) throws IOException {
    ViolationSummaries summaries = new ViolationSummaries();
    RecentEvents recent = new RecentEvents(RECENT_EVENTS);
    // live last: a stream that hears of a batch can already find it in the ring
    LiveEvents live = new LiveEvents();
    Journal journal = Journal.open(JournalOptions.defaults(dataDir), summaries.andThen(recent).andThen(live));
    return new EventJournal(journal, summaries, recent, new EventPager(recent, journal), live);
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}
