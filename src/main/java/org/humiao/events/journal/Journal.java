package org.humiao.events.journal;

import org.humiao.durable.GroupCommit;
import org.humiao.durable.QueueFullException;
import org.humiao.events.RecentIds;
import org.humiao.events.ViolationEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The durable record of violation events: a segmented, checksummed, group-committed log (format in
 * {@code package-info}). An append's future completes only after its events are synced to disk,
 * so a request is answered "recorded" only for events that survive a crash.
 *
 * <p>An event whose id is among the last {@value #DEDUPE_WINDOW} ids recorded (replayed ones
 * included) is not written again: its append completes with the original's entry. Event ids derived
 * from the request (a screened text's {@code dataId}, a minor-mode call's key) so make a retried
 * request count once.
 *
 * <p>With a retention ({@link JournalOptions#retention()}), a thread of its own deletes, every
 * {@value #RETENTION_PERIOD_MINUTES} minutes, the oldest segments last written longer ago than
 * that, after handing their events to the {@link JournalArchive}; segments not yet past
 * {@link #keepFrom} (a Kafka forwarder's cursor) stay whatever their age.
 *
 * <p>Futures complete on the writer thread; callers continue on their own thread (in Vert.x,
 * {@code Future.fromCompletionStage(future, context)}) and must not block in a callback.
 */
public final class Journal implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Journal.class.getName());
  private static final int REPLAY_BATCH = 4096;
  /**
   * How far journal order may stray from event time: an event is timed when it is screened and
   * journaled when its batch commits, within a request's timeout, far less than this.
   */
  private static final Duration ORDER_SLACK = Duration.ofMinutes(5);
  /** Ids remembered for dropping duplicates: about 10 MB, hours of a busy platform's retries. */
  static final int DEDUPE_WINDOW = 100_000;
  /** Segments hold days of events: an hourly look is plenty, and the first comes a minute after start. */
  static final long RETENTION_PERIOD_MINUTES = 60;

  /** Events appended together, with their encoded payloads. */
  private record Append(List<ViolationEvent> events, List<byte[]> payloads) {}

  private final SegmentLog log;
  private final GroupCommit<Append, List<JournalEntry>> writer;
  private final JournalArchive archive;
  private final Duration retention;
  private final ScheduledExecutorService retainer;
  private volatile LongSupplier keepFrom = () -> Long.MAX_VALUE;
  /** Each segment's first event time, once read: a time-bounded scan skips segments by them. */
  private final Map<Long, Instant> firstTimes = new ConcurrentHashMap<>();

  private Journal(SegmentLog log, GroupCommit<Append, List<JournalEntry>> writer, JournalArchive archive,
                  Duration retention) {
    this.log = log;
    this.writer = writer;
    this.archive = archive;
    this.retention = retention;
    if (retention.isZero()) {
      this.retainer = null;
    } else {
      this.retainer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "humiao-journal-retention");
        thread.setDaemon(true);
        return thread;
      });
      retainer.scheduleWithFixedDelay(this::retireQuietly, 60, RETENTION_PERIOD_MINUTES * 60, TimeUnit.SECONDS);
    }
  }

  /** Opens the journal without an archive; see {@link #open(JournalOptions, JournalArchive, Consumer)}. */
  public static Journal open(JournalOptions options, Consumer<List<JournalEntry>> listener) throws IOException {
    return open(options, JournalArchive.NONE, listener);
  }

  /**
   * Opens (or creates) the journal, recovering a torn tail, and gives {@code listener} every
   * recorded entry in order before any new one, so views built from it (summaries, recent events)
   * are complete. From then on the listener gets each synced batch on the writer thread, before
   * the batch's appenders hear of it; it must be quick and must not block. Only the events the
   * archive does not cover are replayed, and segments it covers wholly are deleted (a crash came
   * between its {@link JournalArchive#cover} and their deletion).
   */
  public static Journal open(JournalOptions options, JournalArchive archive, Consumer<List<JournalEntry>> listener)
      throws IOException {
    SegmentLog log = SegmentLog.open(options.eventsDirectory(), options.segmentBytes());
    // filled by the replay, then owned by the writer thread
    RecentIds recorded = new RecentIds(DEDUPE_WINDOW);
    try {
      long from = Math.min(archive.coveredEnd(), log.durableEnd());
      long firstKept = log.bases().stream().filter(base -> base <= from).reduce((a, b) -> b).orElse(0L);
      if (firstKept > log.bases().get(0)) {
        log.dropBefore(firstKept);
      }
      replay(log, from, listener.andThen(batch -> batch.forEach(e -> recorded.remember(e.event().id(), e.offset()))));
      return new Journal(log, new GroupCommit<>("journal", options.eventsDirectory(),
          batch -> write(log, recorded, listener, batch), options.queueCapacity(), options.maxBatchAppends()),
          archive, options.retention());
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  private static void replay(SegmentLog log, long from, Consumer<List<JournalEntry>> listener) {
    List<JournalEntry> batch = new ArrayList<>(REPLAY_BATCH);
    try (JournalCursor cursor = new JournalCursor(log.directory(), log.bases(), from, log.durableEnd())) {
      while (cursor.hasNext()) {
        batch.add(cursor.next());
        if (batch.size() == REPLAY_BATCH) {
          listener.accept(List.copyOf(batch));
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      listener.accept(List.copyOf(batch));
    }
  }

  /** Records one event; see {@link #appendAll(List)}. */
  public CompletableFuture<JournalEntry> append(ViolationEvent event) {
    return appendAll(List.of(event)).thenApply(entries -> entries.get(0));
  }

  /**
   * Records events together, under consecutive offsets, in one sync. The future fails with
   * {@link QueueFullException} when the queue is full, with {@link IllegalArgumentException} for
   * an event too large to frame, and with the I/O error if the disk fails.
   */
  public CompletableFuture<List<JournalEntry>> appendAll(List<ViolationEvent> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    // encoded here, on the callers' threads, so the single writer only copies bytes
    List<byte[]> payloads = new ArrayList<>(events.size());
    for (ViolationEvent event : events) {
      byte[] payload = event.encode();
      if (payload.length > FrameFormat.MAX_PAYLOAD_BYTES) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(
            "event " + event.id() + " is " + payload.length + " bytes of JSON, the limit is " + FrameFormat.MAX_PAYLOAD_BYTES));
      }
      payloads.add(payload);
    }
    return writer.submit(new Append(List.copyOf(events), payloads));
  }

  /**
   * The batch writer, on the writer thread: frames, one sync, then the listener. After a failed
   * batch the log is first put back to its last sync; the failed batch's events were not
   * remembered or shown to the listener, so a retried request writes them anew.
   */
  private static List<List<JournalEntry>> write(SegmentLog log, RecentIds recorded,
                                                Consumer<List<JournalEntry>> listener, List<Append> batch)
      throws IOException {
    if (log.needsRollback()) {
      log.rollback();
    }
    if (batch.isEmpty()) {
      return List.of();
    }
    List<List<JournalEntry>> written = new ArrayList<>(batch.size());
    List<JournalEntry> all = new ArrayList<>();
    // ids of this batch: remembered for good only once synced, so a failed sync drops no retry
    Map<String, Long> batchIds = new HashMap<>();
    for (Append append : batch) {
      List<JournalEntry> entries = new ArrayList<>(append.events.size());
      for (int i = 0; i < append.events.size(); i++) {
        ViolationEvent event = append.events.get(i);
        long original = recorded.positionOf(event.id());
        Long inBatch = batchIds.get(event.id());
        if (original >= 0 || inBatch != null) {
          entries.add(new JournalEntry(original >= 0 ? original : inBatch, event));
          continue;
        }
        JournalEntry entry = new JournalEntry(log.append(append.payloads.get(i)), event);
        batchIds.put(event.id(), entry.offset());
        entries.add(entry);
        all.add(entry);
      }
      written.add(List.copyOf(entries));
    }
    log.sync();
    all.forEach(e -> recorded.remember(e.event().id(), e.offset()));
    // before the futures complete, so whoever was acknowledged finds the events in the summaries
    try {
      listener.accept(all);
    } catch (RuntimeException e) {
      // the events are durable; a broken view must not turn that into a failed append
      LOG.log(System.Logger.Level.ERROR, "journal listener failed", e);
    }
    return written;
  }

  /**
   * Segments holding offsets at or past what {@code firstNeeded} answers (asked at each retention
   * run) are kept whatever their age: a Kafka forwarder's cursor, so an outage longer than the
   * retention loses nothing it has still to send.
   */
  public void keepFrom(LongSupplier firstNeeded) {
    this.keepFrom = firstNeeded;
  }

  /**
   * Deletes the oldest segments last written before {@code now} minus the retention (and wholly
   * before {@link #keepFrom}), after the archive has covered their events; returns how many.
   */
  public synchronized int retire(Instant now) throws IOException {
    List<Long> expired = log.expired(now.minus(retention), keepFrom.getAsLong());
    if (expired.isEmpty()) {
      return 0;
    }
    List<Long> bases = log.bases();
    long firstKept = bases.get(bases.indexOf(expired.get(expired.size() - 1)) + 1);
    long from = Math.max(archive.coveredEnd(), bases.get(0));
    if (from < firstKept) {
      try (JournalCursor cursor = new JournalCursor(log.directory(), bases, from, firstKept)) {
        archive.cover(cursor, firstKept);
      }
    }
    log.dropBefore(firstKept);
    firstTimes.keySet().removeIf(base -> base < firstKept);
    LOG.log(System.Logger.Level.INFO, "journal retention deleted {0} segment(s) before offset {1}",
        expired.size(), firstKept);
    return expired.size();
  }

  private void retireQuietly() {
    try {
      retire(Instant.now());
    } catch (IOException | RuntimeException e) {
      // a full disk can refuse the archive: the segments stay, and the next run tries again
      LOG.log(System.Logger.Level.WARNING, "journal retention failed; retrying in "
          + RETENTION_PERIOD_MINUTES + " minutes", e);
    }
  }

  /** The offset of the oldest event still in the journal (older ones were deleted by retention). */
  public long startOffset() {
    return log.bases().get(0);
  }

  /** The offset the next event will get; everything below it is durable and readable. */
  public long endOffset() {
    return log.durableEnd();
  }

  /** Entries from {@code fromOffset} up to the durable end as of now; close the cursor. */
  public JournalCursor read(long fromOffset) {
    return read(fromOffset, log.durableEnd());
  }

  private JournalCursor read(long fromOffset, long toOffset) {
    if (fromOffset < 0) {
      throw new IllegalArgumentException("negative offset " + fromOffset);
    }
    // durable end first: the segment list read after it covers every offset below it
    long end = Math.min(toOffset, log.durableEnd());
    return new JournalCursor(log.directory(), log.bases(), fromOffset, end);
  }

  /** Up to {@code limit} entries below {@code beforeOffset} that match, newest first, at any time. */
  public List<JournalEntry> newestFirst(long beforeOffset, Predicate<ViolationEvent> filter, int limit) {
    return newestFirst(beforeOffset, filter, null, null, limit);
  }

  /**
   * Up to {@code limit} entries below {@code beforeOffset} that match and lie in the time range, newest first. Scans
   * segments backwards, each front to back keeping only its last matches, so memory stays at
   * {@code limit} entries; the cost is reading the segments back to the last match needed. A
   * filter's time range lets whole segments go unread: those whose events all lie after
   * {@code to}, and every segment from the first whose events all lie before {@code from}.
   *
   * @param from no match is earlier than this; null for no bound
   * @param to no match is at or after this; null for no bound
   */
  public List<JournalEntry> newestFirst(long beforeOffset, Predicate<ViolationEvent> filter, Instant from, Instant to,
                                        int limit) {
    Predicate<ViolationEvent> matches = filter.and(e -> (from == null || !e.time().isBefore(from))
        && (to == null || e.time().isBefore(to)));
    long end = Math.min(beforeOffset, log.durableEnd());
    List<Long> bases = log.bases();
    List<JournalEntry> found = new ArrayList<>(Math.min(limit, REPLAY_BATCH));
    for (int i = bases.size() - 1; i >= 0 && found.size() < limit; i--) {
      long base = bases.get(i);
      if (base >= end) {
        continue;
      }
      // a segment's events lie between its first event's time and the next segment's, up to ORDER_SLACK
      if (from != null && i + 1 < bases.size() && before(firstTime(bases.get(i + 1)), from.minus(ORDER_SLACK))) {
        break;
      }
      if (to != null && atOrAfter(firstTime(base), to.plus(ORDER_SLACK))) {
        end = base;
        continue;
      }
      Deque<JournalEntry> newest = new ArrayDeque<>();
      try (JournalCursor cursor = read(base, end)) {
        while (cursor.hasNext()) {
          JournalEntry entry = cursor.next();
          if (matches.test(entry.event())) {
            newest.addLast(entry);
            if (newest.size() > limit - found.size()) {
              newest.removeFirst();
            }
          }
        }
      } catch (UncheckedIOException e) {
        if (log.bases().contains(base)) {
          throw e;
        }
        break; // retention deleted the segment while it was listed: the pages end where the journal now starts
      }
      newest.descendingIterator().forEachRemaining(found::add);
      end = base;
    }
    return found;
  }

  /** True when {@code time} is known and before {@code bound}. */
  private static boolean before(Instant time, Instant bound) {
    return time != null && time.isBefore(bound);
  }

  /** True when {@code time} is known and at or after {@code bound}. */
  private static boolean atOrAfter(Instant time, Instant bound) {
    return time != null && !time.isBefore(bound);
  }

  /** The time of the first event of the segment at {@code base}, read once; null while it is empty. */
  private Instant firstTime(long base) {
    Instant known = firstTimes.get(base);
    if (known != null) {
      return known;
    }
    try (JournalCursor cursor = read(base, log.durableEnd())) {
      if (!cursor.hasNext()) {
        return null;
      }
      Instant first = cursor.next().event().time();
      firstTimes.put(base, first);
      return first;
    } catch (UncheckedIOException e) {
      if (log.bases().contains(base)) {
        throw e;
      }
      return null; // deleted by retention meanwhile: its time bounds nothing
    }
  }

  /** What refuses appends now (a full disk, a failing write), until a write succeeds again. */
  public Optional<RuntimeException> writeFailure() {
    return writer.failure();
  }

  /** How many syncs the writer has made; fewer than appends when group commit is working. */
  public long syncCount() {
    return writer.syncCount();
  }

  /** Completes every accepted append, then closes the files; appends after this fail. */
  @Override
  public void close() throws IOException {
    try {
      if (retainer != null) {
        retainer.shutdownNow();
        retainer.awaitTermination(10, TimeUnit.SECONDS);
      }
      writer.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while closing the journal", e);
    } finally {
      log.close();
    }
  }
}
