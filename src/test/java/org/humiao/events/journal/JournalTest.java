package org.humiao.events.journal;

import org.humiao.durable.QueueFullException;
import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
  private static final Consumer<List<JournalEntry>> IGNORE = batch -> {};

  @TempDir
  Path dir;

  private JournalOptions options(long segmentBytes) {
    return new JournalOptions(dir, segmentBytes, 10_000, 256);
  }

  private static List<ViolationEvent> events(long from, long to) {
    return LongStream.range(from, to).mapToObj(SampleEvents::numbered).toList();
  }

  private static List<JournalEntry> readAll(Journal journal, long from) {
    List<JournalEntry> entries = new ArrayList<>();
    try (JournalCursor cursor = journal.read(from)) {
      cursor.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static void assertEntries(List<ViolationEvent> expected, long firstOffset, List<JournalEntry> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(firstOffset + i, actual.get(i).offset());
      assertEquals(expected.get(i), actual.get(i).event());
    }
  }

  private Path onlySegment() throws IOException {
    List<Path> segments = segments();
    assertEquals(1, segments.size());
    return segments.get(0);
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("events"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void anEventAppendedAgainIsKeptOnceWithItsOriginalOffsetAlsoAfterARestart() throws IOException {
    List<JournalEntry> heard = Collections.synchronizedList(new ArrayList<>());
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), heard::addAll)) {
      journal.appendAll(events(0, 3)).join();
      // a retry of event 1, twice in one call, beside a new one
      List<JournalEntry> again = journal.appendAll(List.of(SampleEvents.numbered(1), SampleEvents.numbered(3),
          SampleEvents.numbered(1))).join();
      assertEquals(List.of(1L, 3L, 1L), again.stream().map(JournalEntry::offset).toList());
      assertEntries(events(0, 4), 0, readAll(journal, 0));
      assertEquals(4, heard.size(), "the views hear of each event once");
    }
    try (Journal reopened = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEquals(2, reopened.append(SampleEvents.numbered(2)).join().offset());
      assertEquals(4, reopened.append(SampleEvents.numbered(4)).join().offset());
      assertEntries(events(0, 5), 0, readAll(reopened, 0));
    }
  }

  @Test
  void appendsGetConsecutiveOffsetsAndReadBackExactly() throws IOException {
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEquals(0, journal.append(SampleEvents.numbered(0)).join().offset());
      List<JournalEntry> more = journal.appendAll(events(1, 10)).join();
      assertEquals(List.of(1L, 9L), List.of(more.get(0).offset(), more.get(8).offset()));
      assertEquals(10, journal.endOffset());
      assertEntries(events(0, 10), 0, readAll(journal, 0));
      assertEntries(events(6, 10), 6, readAll(journal, 6));
      assertTrue(readAll(journal, 10).isEmpty());
    }
    assertTrue(Files.exists(dir.resolve("events/00000000000000000000.log")));
  }

  @Test
  void reopeningReplaysEverythingToTheListenerAndContinuesAtTheNextOffset() throws IOException {
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      journal.appendAll(events(0, 7)).join();
    }
    List<JournalEntry> replayed = new ArrayList<>();
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), replayed::addAll)) {
      assertEntries(events(0, 7), 0, replayed);
      assertEquals(7, journal.append(SampleEvents.numbered(7)).join().offset());
      assertEquals(8, replayed.size(), "new appends reach the listener too");
    }
  }

  @Test
  void aTornTailIsCutAndEverythingBeforeItKept() throws IOException {
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      journal.appendAll(events(0, 5)).join();
    }
    Path segment = onlySegment();
    long size = Files.size(segment);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size - 7);
    }
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEntries(events(0, 4), 0, readAll(journal, 0));
      assertEquals(4, journal.append(SampleEvents.numbered(99)).join().offset());
    }
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEquals(5, journal.endOffset(), "the cut record's place is taken for good by the next append");
    }
  }

  @Test
  void garbageAfterTheLastRecordIsCut() throws IOException {
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      journal.appendAll(events(0, 5)).join();
    }
    Path segment = onlySegment();
    long size = Files.size(segment);
    Files.write(segment, new byte[] {0, 0, 0, 42, 1, 2, 3, 4, 5, 6, 7, 8, 9}, StandardOpenOption.APPEND);
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEquals(size, Files.size(segment));
      assertEntries(events(0, 5), 0, readAll(journal, 0));
    }
  }

  @Test
  void aChecksumMismatchCutsTheLogThere() throws IOException {
    List<ViolationEvent> events = events(0, 5);
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      journal.appendAll(events).join();
    }
    Path segment = onlySegment();
    long third = 0;
    for (ViolationEvent event : events.subList(0, 2)) {
      third += FrameFormat.frameBytes(event.toJson().encode().getBytes(StandardCharsets.UTF_8));
    }
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      long inPayload = third + FrameFormat.HEADER_BYTES + 10;
      channel.read(one, inPayload);
      channel.write(one.put(0, (byte) (one.get(0) ^ 0x20)).rewind(), inPayload);
    }
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE)) {
      assertEquals(third, Files.size(segment));
      assertEntries(events.subList(0, 2), 0, readAll(journal, 0));
      assertEquals(2, journal.append(SampleEvents.numbered(2)).join().offset());
    }
  }

  @Test
  void segmentsRollAtTheSizeLimitAndReadAcrossThem() throws IOException {
    try (Journal journal = Journal.open(options(2_000), IGNORE)) {
      for (int i = 0; i < 40; i += 4) {
        journal.appendAll(events(i, i + 4)).join();
      }
      assertEntries(events(0, 40), 0, readAll(journal, 0));
    }
    List<Path> segments = segments();
    assertTrue(segments.size() > 3, segments.toString());
    long expectedBase = 0;
    for (Path segment : segments) {
      assertTrue(Files.size(segment) <= 2_000, segment + " is over the limit");
      long base = Long.parseLong(segment.getFileName().toString().substring(0, 20));
      assertEquals(expectedBase, base, "a segment is named by its first offset");
      try (FileChannel channel = FileChannel.open(segment)) {
        FrameReader reader = new FrameReader(channel, base);
        while (reader.next() != null) {
          expectedBase++;
        }
      }
    }
    assertEquals(40, expectedBase);
    try (Journal journal = Journal.open(options(2_000), IGNORE)) {
      assertEntries(events(17, 40), 17, readAll(journal, 17));
      assertEquals(40, journal.append(SampleEvents.numbered(40)).join().offset());
    }
  }

  @Test
  void concurrentAppendsShareSyncs() throws Exception {
    int threads = 8;
    int perThread = 250;
    int maxBatch = 256;
    // the first batch's listener holds the writer until every appender has queued, so the test
    // does not depend on how fast this machine's fsync is
    CountDownLatch allQueued = new CountDownLatch(1);
    Consumer<List<JournalEntry>> holdFirstBatch = batch -> {
      try {
        allQueued.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    };
    List<CompletableFuture<JournalEntry>> futures = Collections.synchronizedList(new ArrayList<>());
    try (Journal journal = Journal.open(new JournalOptions(dir, JournalOptions.DEFAULT_SEGMENT_BYTES, 10_000, maxBatch),
        holdFirstBatch)) {
      List<Thread> appenders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        Thread thread = new Thread(() -> {
          for (int i = first; i < first + perThread; i++) {
            futures.add(journal.append(SampleEvents.numbered(i)));
          }
        });
        thread.start();
        appenders.add(thread);
      }
      for (Thread thread : appenders) {
        thread.join();
      }
      allQueued.countDown();
      Set<Long> offsets = new HashSet<>();
      for (CompletableFuture<JournalEntry> future : futures) {
        offsets.add(future.get(30, TimeUnit.SECONDS).offset());
      }
      int events = threads * perThread;
      assertEquals(events, offsets.size());
      assertEquals(events - 1, offsets.stream().mapToLong(Long::longValue).max().orElseThrow());
      long syncs = journal.syncCount();
      assertTrue(syncs <= 1 + (events + maxBatch - 1) / maxBatch, syncs + " syncs for " + events + " appends");
      assertEquals(events, readAll(journal, 0).size());
    }
  }

  @Test
  void aFullQueueRefusesAtOnce() throws Exception {
    CountDownLatch writerBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<List<JournalEntry>> slowListener = batch -> {
      writerBusy.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    };
    try (Journal journal = Journal.open(new JournalOptions(dir, JournalOptions.DEFAULT_SEGMENT_BYTES, 1, 16), slowListener)) {
      CompletableFuture<JournalEntry> first = journal.append(SampleEvents.numbered(0));
      assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
      CompletableFuture<JournalEntry> queued = journal.append(SampleEvents.numbered(1));
      CompletableFuture<JournalEntry> refused = journal.append(SampleEvents.numbered(2));
      CompletionException e = assertThrows(CompletionException.class, refused::join);
      assertInstanceOf(QueueFullException.class, e.getCause());
      release.countDown();
      assertEquals(0, first.join().offset());
      assertEquals(1, queued.join().offset());
    }
  }

  @Test
  void theListenerSeesABatchBeforeItsAppendersAreAnswered() throws IOException {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES),
        batch -> batch.forEach(entry -> seen.add(entry.offset())))) {
      for (int i = 0; i < 20; i++) {
        long offset = journal.append(SampleEvents.numbered(i)).join().offset();
        assertTrue(seen.contains(offset));
      }
    }
  }

  @Test
  void newestFirstScansBackwardsAcrossSegments() throws IOException {
    try (Journal journal = Journal.open(options(2_000), IGNORE)) {
      journal.appendAll(events(0, 40)).join();
      List<JournalEntry> demo = journal.newestFirst(Long.MAX_VALUE, e -> e.platform().equals("demo"), 5);
      assertEquals(List.of(38L, 36L, 34L, 32L, 30L), demo.stream().map(JournalEntry::offset).toList());
      List<JournalEntry> older = journal.newestFirst(7, e -> true, 100);
      assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L, 0L), older.stream().map(JournalEntry::offset).toList());
    }
  }

  @Test
  void aTimeBoundedScanLeavesSegmentsOutsideTheRangeUnread() throws IOException {
    try (Journal journal = Journal.open(options(2_000), IGNORE)) {
      // one event a minute for 400 minutes, a few per segment
      journal.appendAll(events(0, 400)).join();
      Instant start = SampleEvents.numbered(0).time();
      Instant from = start.plus(Duration.ofMinutes(300));
      Instant to = start.plus(Duration.ofMinutes(350));
      List<Long> expected = LongStream.range(300, 350).map(n -> 349 - (n - 300)).boxed().toList();
      assertEquals(expected, offsets(journal.newestFirst(Long.MAX_VALUE, e -> true, from, to, 100)));

      // damage the oldest segment, and the one holding offset 380, past their first events: a scan
      // that read them would fail
      Path events = dir.resolve("events");
      damageAfterFirstFrame(events.resolve(Segment.fileName(0)));
      Path late;
      try (Stream<Path> files = Files.list(events)) {
        late = files.map(Path::getFileName).map(Path::toString).filter(f -> f.endsWith(".log"))
            .filter(f -> Long.parseLong(f.substring(0, f.length() - 4)) <= 380).max(String::compareTo)
            .map(events::resolve).orElseThrow();
      }
      damageAfterFirstFrame(late);
      assertThrows(UncheckedIOException.class, () -> journal.newestFirst(Long.MAX_VALUE, e -> true, 100),
          "the damage is not where a whole scan reads");
      assertEquals(expected, offsets(journal.newestFirst(Long.MAX_VALUE, e -> true, from, to, 100)));
      // a range reaching the oldest segment reads it
      assertThrows(UncheckedIOException.class,
          () -> journal.newestFirst(Long.MAX_VALUE, e -> true, start, from, 400));
    }
  }

  private static List<Long> offsets(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::offset).toList();
  }

  /** Overwrites a segment from the middle of its second frame on, leaving its first event readable. */
  private static void damageAfterFirstFrame(Path segment) throws IOException {
    long size = Files.size(segment);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[(int) (size - size / 3)]), size / 3);
    }
  }

  @Test
  void appendsAfterCloseFail() throws IOException {
    Journal journal = Journal.open(options(JournalOptions.DEFAULT_SEGMENT_BYTES), IGNORE);
    journal.close();
    CompletionException e = assertThrows(CompletionException.class, () -> journal.append(SampleEvents.numbered(0)).join());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }
}
