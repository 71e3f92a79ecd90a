package org.humiao.server;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.moderation.review.BlockedContent;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Blocks as the regulators' listing sees them: the platform's events of the last {@code window}
 * (the journal's retention; zero: all of it), newest first, through the same pager (the in-memory ring, then the
 * journal; fed from Kafka, only the ring's last events of the cluster). No index: an appeal scans
 * the platform's events of the window until it finds the block, which appeals, being rare, afford.
 */
record JournaledBlocks(EventPager pager, Clock clock, Duration window) implements BlockedContent {
  private static final Set<ViolationEvent.Kind> BLOCKS = EnumSet.of(ViolationEvent.Kind.TEXT_BLOCKED,
      ViolationEvent.Kind.REPOST_BLOCKED);

  @Override
  public boolean wasBlocked(String platform, String dataId) {
    // a retention of 0 keeps every segment: the whole journal is the window
    EventFilter filter = new EventFilter(platform, null, null, 0, window.isZero() ? null : clock.instant().minus(window),
        null);
    long before = Long.MAX_VALUE;
    while (true) {
      EventPage page = pager.page(filter, before, EventPager.MAX_LIMIT);
      for (JournalEntry entry : page.entries()) {
        if (BLOCKS.contains(entry.event().kind()) && dataId.equals(entry.event().dataId())) {
          return true;
        }
      }
      if (page.nextBefore().isEmpty()) {
        return false;
      }
      before = page.nextBefore().getAsLong();
    }
  }
}
