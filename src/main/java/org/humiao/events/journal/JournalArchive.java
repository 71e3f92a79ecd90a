package org.humiao.events.journal;

import java.io.IOException;
import java.util.Iterator;

/**
 * What a view keeps of events whose segments retention deletes (the summaries keep their counts).
 * The journal hands it a segment's events and deletes the segment only once {@link #cover} has
 * made them durable; on open it replays only from {@link #coveredEnd()}, so an event is counted
 * either from the archive or from its segment, never both, whatever a crash interrupted.
 */
public interface JournalArchive {
  /** Keeps nothing: replay starts at the oldest segment left. */
  JournalArchive NONE = new JournalArchive() {
    @Override
    public long coveredEnd() {
      return 0;
    }

    @Override
    public void cover(Iterator<JournalEntry> entries, long end) {
      // nothing kept
    }
  };

  /** Offsets below this are accounted for by the archive. */
  long coveredEnd();

  /**
   * Takes in {@code entries}, every event from {@link #coveredEnd()} up to {@code end}, and returns
   * once they are durable with {@code end} as the new covered end. Called on the retention thread.
   */
  void cover(Iterator<JournalEntry> entries, long end) throws IOException;
}
