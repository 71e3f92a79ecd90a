package org.humiao.events.summary;

import org.humiao.events.SampleEvents;
import org.humiao.events.journal.JournalEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live fan-out and the ring's replay of what a reconnecting stream missed. */
class LiveEventsTest {
  private static List<JournalEntry> entries(long from, long to) {
    return LongStream.range(from, to).mapToObj(i -> new JournalEntry(i, SampleEvents.numbered(i))).toList();
  }

  @Test
  void subscribersGetEveryBatchUntilTheyStop() {
    LiveEvents live = new LiveEvents();
    List<Long> heard = new ArrayList<>();
    Runnable stop = live.subscribe(batch -> batch.forEach(e -> heard.add(e.offset())));
    assertEquals(1, live.subscribers());
    live.accept(entries(0, 2));
    stop.run();
    live.accept(entries(2, 3));
    assertEquals(List.of(0L, 1L), heard);
    assertEquals(0, live.subscribers());
  }

  @Test
  void afterReplaysTheNewestMissedMatchesOldestFirstAsFarAsTheRingReaches() {
    RecentEvents recent = new RecentEvents(6);
    recent.accept(entries(0, 10));
    assertEquals(List.of(7L, 8L, 9L), offsets(recent.after(6, e -> true, 100)));
    assertEquals(List.of(8L, 9L), offsets(recent.after(6, e -> true, 2)), "the newest when more were missed");
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), offsets(recent.after(0, e -> true, 100)), "the ring holds 4..9");
    assertEquals(List.of(8L), offsets(recent.after(-1, e -> e.id().equals(SampleEvents.numbered(8).id()), 100)));
    assertEquals(List.of(), offsets(recent.after(9, e -> true, 100)));
  }

  private static List<Long> offsets(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::offset).toList();
  }
}
