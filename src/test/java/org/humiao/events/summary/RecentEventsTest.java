package org.humiao.events.summary;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ring holds events in a compact form; what it hands back must be the events it was given. */
class RecentEventsTest {
  @Test
  void pagesAndReplaysGiveBackEveryFieldAndTheEvidenceAsGiven() {
    ViolationEvent rich = SampleEvents.withEveryKindOfEvidence();
    ViolationEvent plain = SampleEvents.numbered(1);
    ViolationEvent bare = ViolationEvent.builder("p", ViolationEvent.Kind.CURFEW_ATTEMPT).id("e3")
        .time(plain.time()).category("curfew", 1).build();
    List<JournalEntry> given = List.of(new JournalEntry(0, rich), new JournalEntry(1, plain), new JournalEntry(2, bare));
    RecentEvents recent = new RecentEvents(4);
    recent.accept(given);

    List<JournalEntry> replayed = recent.after(-1, event -> true, 10);
    List<JournalEntry> paged = new ArrayList<>(recent.newestFirst(Long.MAX_VALUE, event -> true, 10).entries());
    Collections.reverse(paged);
    for (List<JournalEntry> back : List.of(replayed, paged)) {
      assertEquals(given, back);
      for (int i = 0; i < given.size(); i++) {
        assertArrayEquals(given.get(i).event().encode(), back.get(i).event().encode());
        assertEquals(given.get(i).event().toJson().encodePrettily(), back.get(i).event().toJson().encodePrettily());
      }
    }
  }

  @Test
  void casesFindTheirMandatoryReportsInTheRing() {
    RecentEvents recent = new RecentEvents(8);
    recent.accept(LongStream.range(0, 8).mapToObj(n -> new JournalEntry(n, SampleEvents.numbered(n))).toList());
    // numbered(n): severity n % 4 + 1, so 3 and 7 are mandatory reports
    assertEquals(List.of(3L, 7L), recent.after(-1, ViolationEvent::mandatoryReport, 10).stream()
        .map(JournalEntry::offset).toList());
  }
}
