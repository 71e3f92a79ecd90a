package org.humiao.events.summary;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.journal.JournalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journal retention: segments last written before the retention are deleted, newer ones kept, and
 * the summaries count the same before and after, across a restart, and after a crash between the
 * archive's write and the segments' deletion.
 */
class RetentionTest {
  private static final int EVENTS = 3_000;
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final SummaryQuery EVERYTHING = new SummaryQuery(LocalDate.parse("2026-01-01"),
      LocalDate.parse("2027-01-01"), EnumSet.allOf(Dimension.class).stream()
      .filter(d -> d != Dimension.QUARTER).collect(Collectors.toSet()), null);

  @TempDir
  Path dir;

  private JournalOptions options() {
    return new JournalOptions(dir, 20_000, 10_000, 256).withRetention(RETENTION);
  }

  @Test
  void oldSegmentsGoRecentOnesStayAndTheCountsStay() throws Exception {
    ViolationSummaries summaries = new ViolationSummaries();
    List<SummaryRow> before;
    List<Path> old;
    List<Path> recent;
    try (Journal journal = Journal.open(options(), SummaryArchive.open(options().eventsDirectory(), summaries),
        summaries)) {
      append(journal);
      List<Path> segments = segments();
      assertTrue(segments.size() > 10, segments::toString);
      // the first half was last written 40 days ago, the rest today
      old = segments.subList(0, segments.size() / 2);
      recent = segments.subList(segments.size() / 2, segments.size());
      for (Path segment : old) {
        Files.setLastModifiedTime(segment, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
      }
      before = summaries.query(EVERYTHING);
      assertEquals(EVENTS, total(before));

      assertEquals(old.size(), journal.retire(Instant.now()));
      assertEquals(0, journal.retire(Instant.now()), "a second run found more to delete");
      old.forEach(segment -> assertFalse(Files.exists(segment), segment + " outlived the retention"));
      recent.forEach(segment -> assertTrue(Files.exists(segment), segment + " was deleted too early"));
      assertEquals(before, summaries.query(EVERYTHING));
      assertTrue(journal.startOffset() > 0);
    }

    List<JournalEntry> replayed = new ArrayList<>();
    ViolationSummaries restarted = new ViolationSummaries();
    try (Journal journal = Journal.open(options(), SummaryArchive.open(options().eventsDirectory(), restarted),
        restarted.andThen(replayed::addAll))) {
      assertEquals(before, restarted.query(EVERYTHING));
      assertEquals(journal.endOffset() - journal.startOffset(), replayed.size(), "replay read deleted events");
      assertEquals(journal.startOffset(), replayed.get(0).offset());
    }
  }

  @Test
  void aCrashBetweenTheArchiveAndTheDeletionCountsNothingTwice() throws Exception {
    ViolationSummaries summaries = new ViolationSummaries();
    List<SummaryRow> before;
    Path kept = Files.createDirectories(dir.resolve("kept"));
    List<Path> old;
    try (Journal journal = Journal.open(options(), SummaryArchive.open(options().eventsDirectory(), summaries),
        summaries)) {
      append(journal);
      List<Path> segments = segments();
      old = segments.subList(0, 3);
      for (Path segment : old) {
        Files.setLastModifiedTime(segment, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Files.copy(segment, kept.resolve(segment.getFileName()));
      }
      before = summaries.query(EVERYTHING);
      assertEquals(3, journal.retire(Instant.now()));
    }
    // as if the process died after the archive was written and before the segments were deleted
    for (Path segment : old) {
      Files.copy(kept.resolve(segment.getFileName()), segment);
    }
    ViolationSummaries restarted = new ViolationSummaries();
    try (Journal journal = Journal.open(options(), SummaryArchive.open(options().eventsDirectory(), restarted),
        restarted)) {
      assertEquals(before, restarted.query(EVERYTHING));
      old.forEach(segment -> assertFalse(Files.exists(segment), segment + " covered by the archive was not deleted"));
      assertEquals(EVENTS, journal.endOffset());
    }
  }

  @Test
  void segmentsPastWhatMustBeKeptStayWhateverTheirAge() throws Exception {
    try (Journal journal = Journal.open(options(), batch -> {})) {
      append(journal);
      List<Path> segments = segments();
      for (Path segment : segments) {
        Files.setLastModifiedTime(segment, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
      }
      // a Kafka forwarder that has sent only the first few hundred events
      journal.keepFrom(() -> 500);
      journal.retire(Instant.now());
      assertTrue(journal.startOffset() <= 500, "deleted events not yet forwarded: starts at " + journal.startOffset());
      assertTrue(journal.startOffset() > 0, "deleted nothing");
      try (var cursor = journal.read(500)) {
        assertEquals(500, cursor.next().offset());
      }
      // and never the segment being written, however old
      journal.keepFrom(() -> Long.MAX_VALUE);
      journal.retire(Instant.now());
      assertEquals(1, segments().size());
      assertEquals(EVENTS, journal.endOffset());
    }
  }

  @Test
  void countsArchivedBeforeHoursWereKeptCountWithoutAnHour() throws Exception {
    // an archive as the version before hours wrote it: its cells have no "hour"
    Files.createDirectories(options().eventsDirectory());
    Files.writeString(options().eventsDirectory().resolve(SummaryArchive.FILE), "{\"version\":1,\"coveredEnd\":0,"
        + "\"cells\":[{\"day\":\"2026-11-23\",\"platform\":\"demo\",\"category\":\"insult\",\"kind\":\"text_blocked\","
        + "\"region\":\"110000\",\"severity\":3,\"mandatoryReport\":false,\"events\":5}]}");
    ViolationSummaries summaries = new ViolationSummaries();
    SummaryArchive.open(options().eventsDirectory(), summaries);
    SummaryQuery byHour = new SummaryQuery(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"),
        EnumSet.of(Dimension.HOUR, Dimension.PLATFORM), null);
    assertEquals(List.of(new SummaryRow(null, "demo", null, null, null, null, 5, 0, 3)), summaries.query(byHour));
  }

  /** In batches of 100, in order: one sync each, so segments fill fast. */
  private static void append(Journal journal) {
    for (int i = 0; i < EVENTS; i += 100) {
      List<ViolationEvent> batch = new ArrayList<>();
      for (int n = i; n < i + 100; n++) {
        batch.add(SampleEvents.numbered(n));
      }
      journal.appendAll(batch).join();
    }
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(options().eventsDirectory())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }

  private static long total(List<SummaryRow> rows) {
    return rows.stream().mapToLong(SummaryRow::events).sum();
  }
}
