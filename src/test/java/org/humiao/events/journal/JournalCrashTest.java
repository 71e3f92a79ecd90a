package org.humiao.events.journal;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kills a JVM that is appending under load, then checks that everything it acknowledged survived, once. */
class JournalCrashTest {
  private static final Pattern ACK = Pattern.compile("ack (\\d+) (\\S+) \\.");
  private static final int ACKS_BEFORE_KILL = 3000;

  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedEventSurvivesAKillExactlyOnce() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Map<Long, String> acknowledged = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while (acknowledged.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline && (line = out.readLine()) != null) {
        record(line, acknowledged);
      }
      // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe,
      // losing acks the child had already written to it
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      // acks already in the pipe were acknowledged before the kill; a line cut short has no dot and is skipped
      while ((line = out.readLine()) != null) {
        record(line, acknowledged);
      }
    } finally {
      child.destroyForcibly();
    }
    assertTrue(acknowledged.size() >= ACKS_BEFORE_KILL, "only " + acknowledged.size() + " acks before the deadline");

    ViolationSummaries summaries = new ViolationSummaries();
    try (Journal journal = Journal.open(JournalOptions.defaults(dir), summaries)) {
      Map<Long, String> recorded = new HashMap<>();
      Set<String> ids = new HashSet<>();
      try (JournalCursor cursor = journal.read(0)) {
        cursor.forEachRemaining(entry -> {
          recorded.put(entry.offset(), entry.event().id());
          assertTrue(ids.add(entry.event().id()), "recorded twice: " + entry.event().id());
        });
      }
      acknowledged.forEach((offset, id) -> assertEquals(id, recorded.get(offset), "acknowledged at " + offset));
      assertEquals(journal.endOffset(), recorded.size(), "offsets have no gaps");

      List<SummaryRow> rows = summaries.query(new SummaryQuery(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"),
          Set.of(), JournalCrashChild.PLATFORM));
      assertEquals(1, rows.size());
      assertEquals(recorded.size(), rows.get(0).events(), "the rebuilt summary counts each recorded event once");

      long next = journal.endOffset();
      ViolationEvent after = SampleEvents.numbered(next);
      assertEquals(next, journal.append(after).join().offset());
      List<JournalEntry> tail = new ArrayList<>();
      try (JournalCursor cursor = journal.read(next)) {
        cursor.forEachRemaining(tail::add);
      }
      assertEquals(List.of(new JournalEntry(next, after)), tail);
    }
  }

  private static void record(String line, Map<Long, String> acknowledged) {
    Matcher ack = ACK.matcher(line);
    if (ack.matches()) {
      assertNull(acknowledged.putIfAbsent(Long.parseLong(ack.group(1)), ack.group(2)), "offset acknowledged twice: " + line);
    }
  }
}
