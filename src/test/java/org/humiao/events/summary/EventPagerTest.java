package org.humiao.events.summary;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent.Kind;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.journal.JournalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventPagerTest {
  @TempDir
  Path dir;

  private static List<Long> offsets(EventPage page) {
    return page.entries().stream().map(JournalEntry::offset).toList();
  }

  /** 40 events in small segments, of which the ring holds only the newest 6. */
  private Journal journal(RecentEvents recent) throws IOException {
    Journal journal = Journal.open(new JournalOptions(dir, 2_000, 100, 16), recent);
    journal.appendAll(LongStream.range(0, 40).mapToObj(SampleEvents::numbered).toList()).join();
    return journal;
  }

  @Test
  void pagesNewestFirstFromTheRingThenFromTheJournal() throws IOException {
    RecentEvents recent = new RecentEvents(6);
    try (Journal journal = journal(recent)) {
      EventPager pager = new EventPager(recent, OlderEvents.of(journal));
      EventPage first = pager.page(EventFilter.ALL, Long.MAX_VALUE, 4);
      assertEquals(List.of(39L, 38L, 37L, 36L), offsets(first));
      EventPage second = pager.page(EventFilter.ALL, first.nextBefore().orElseThrow(), 4);
      assertEquals(List.of(35L, 34L, 33L, 32L), offsets(second), "two from the ring, two from the journal");
      List<Long> all = new ArrayList<>();
      OptionalLong before = OptionalLong.of(Long.MAX_VALUE);
      while (before.isPresent()) {
        EventPage page = pager.page(EventFilter.ALL, before.getAsLong(), 7);
        all.addAll(offsets(page));
        before = page.nextBefore();
      }
      assertEquals(LongStream.range(0, 40).map(i -> 39 - i).boxed().toList(), all);
    }
  }

  @Test
  void filtersByPlatformKindCategorySeverityAndTime() throws IOException {
    RecentEvents recent = new RecentEvents(6);
    try (Journal journal = journal(recent)) {
      EventPager pager = new EventPager(recent, OlderEvents.of(journal));
      // numbered(n): platform demo when n is even, kind cycles by n % 3, severity n % 4 + 1, one a minute
      assertEquals(List.of(36L, 30L, 24L), offsets(pager.page(
          new EventFilter("demo", Kind.TEXT_BLOCKED, null, 0, null, null), Long.MAX_VALUE, 3)));
      assertEquals(List.of(39L, 35L, 31L, 27L), offsets(pager.page(
          new EventFilter(null, null, null, 4, null, null), Long.MAX_VALUE, 4)));
      assertEquals(List.of(35L, 30L, 25L), offsets(pager.page(
          new EventFilter(null, null, "threat", 0, null, null), 40, 3)));
      Instant start = Instant.parse("2026-11-23T00:00:00Z");
      EventPage window = pager.page(new EventFilter(null, null, null, 0, start.plusSeconds(60 * 10), start.plusSeconds(60 * 13)),
          Long.MAX_VALUE, 10);
      assertEquals(List.of(12L, 11L, 10L), offsets(window));
      assertEquals(OptionalLong.empty(), window.nextBefore());
    }
  }

  @Test
  void pageSizeIsBounded() throws IOException {
    RecentEvents recent = new RecentEvents(6);
    try (Journal journal = journal(recent)) {
      EventPager pager = new EventPager(recent, OlderEvents.of(journal));
      assertThrows(IllegalArgumentException.class, () -> pager.page(EventFilter.ALL, Long.MAX_VALUE, 0));
      assertThrows(IllegalArgumentException.class, () -> pager.page(EventFilter.ALL, Long.MAX_VALUE, EventPager.MAX_LIMIT + 1));
    }
  }
}
