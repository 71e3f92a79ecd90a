package org.humiao.durable;

import org.humiao.events.SampleEvents;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalCursor;
import org.humiao.events.journal.JournalOptions;
import org.humiao.minor.nppa.BehaviourRecord;
import org.humiao.minor.nppa.BehaviourType;
import org.humiao.minor.nppa.FileOutbox;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.Interval;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated power loss ({@link CrashDisk}) under the journal, the minor-mode state log and the
 * NPPA outbox: whatever was written and not forced is gone, a write in flight may be left torn,
 * and recovery from what is left must open cleanly and hold every acknowledged event, state change
 * and record, and nothing that was never acknowledged. Unlike a SIGKILL, which keeps the page
 * cache, this fails when a writer acknowledges before its force.
 */
class PowerLossTest {
  /** When the power goes. */
  enum Moment {
    /** With nothing in flight: only what was acknowledged is on the disk. */
    QUIET,
    /** While a write is on its way: written, its force held, lost whole. */
    IN_FLIGHT,
    /** As {@link #IN_FLIGHT}, with the first half of the write left in the file. */
    TORN
  }

  private static final int ACKNOWLEDGED = 60;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Moment.class)
  void everyAcknowledgedEventSurvivesInTheJournal(Moment moment) throws Exception {
    JournalOptions options = JournalOptions.defaults(dir);
    List<String> acknowledged = new ArrayList<>();
    CompletableFuture<?> inFlight = null;
    try (CrashDisk disk = CrashDisk.install(f -> f.startsWith(dir))) {
      Journal journal = Journal.open(options, batch -> { });
      // in batches of concurrent appends, so group commit writes several under one force
      for (int batch = 0; batch < ACKNOWLEDGED / 10; batch++) {
        List<CompletableFuture<?>> appends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          int n = batch * 10 + i;
          appends.add(journal.append(SampleEvents.numbered(n)));
          acknowledged.add(SampleEvents.numbered(n).id());
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      }
      if (moment != Moment.QUIET) {
        CrashDisk.Hold hold = disk.holdForces();
        inFlight = journal.append(SampleEvents.numbered(1_000_000));
        assertTrue(hold.awaitReached(5_000), "the in-flight event never reached its force");
      }
      cutPower(disk, moment);
      closeDead(journal);
    }
    if (inFlight != null) {
      assertFailed(inFlight);
    }

    Map<String, Integer> found = new HashMap<>();
    try (Journal recovered = Journal.open(options, batch -> { });
         JournalCursor cursor = recovered.read(0)) {
      cursor.forEachRemaining(entry -> found.merge(entry.event().id(), 1, Integer::sum));
    }
    for (String id : acknowledged) {
      assertEquals(1, found.getOrDefault(id, 0), () -> "acknowledged event " + id + " after the power loss");
    }
    assertEquals(acknowledged.size(), found.size(), () -> "events never acknowledged were recovered: " + found.keySet());
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void everyAcknowledgedStateChangeSurvivesInTheStateLog(Moment moment) throws Exception {
    CompletableFuture<?> inFlight = null;
    try (CrashDisk disk = CrashDisk.install(f -> f.startsWith(dir))) {
      // untracked: each call returns once its change is forced, as a synchronous store would
      PlayStateStore store = EmbeddedPlayStateStore.open(dir);
      IntStream.range(0, ACKNOWLEDGED).parallel()
          .forEach(i -> store.addPlay("budget-" + i, new Interval(0, i + 1), 3_600));
      if (moment != Moment.QUIET) {
        CrashDisk.Hold hold = disk.holdForces();
        inFlight = CompletableFuture.runAsync(() -> store.addPlay("budget-held", new Interval(0, 100), 3_600));
        assertTrue(hold.awaitReached(5_000), "the in-flight change never reached its force");
      }
      cutPower(disk, moment);
      closeDead(store);
    }
    if (inFlight != null) {
      assertFailed(inFlight);
    }

    try (PlayStateStore recovered = EmbeddedPlayStateStore.open(dir)) {
      for (int i = 0; i < ACKNOWLEDGED; i++) {
        assertEquals(i + 1, recovered.playTotals("budget-" + i, 0).allowedTotal(), "budget-" + i);
      }
      assertEquals(0, recovered.playTotals("budget-held", 0).allowedTotal(), "a change never acknowledged");
    }
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void everyAcknowledgedRecordSurvivesInTheNppaOutbox(Moment moment) throws Exception {
    List<BehaviourRecord> acknowledged = new ArrayList<>();
    CompletableFuture<?> inFlight = null;
    try (CrashDisk disk = CrashDisk.install(f -> f.startsWith(dir))) {
      FileOutbox outbox = FileOutbox.open(dir);
      for (int i = 0; i < ACKNOWLEDGED; i++) {
        BehaviourRecord record = record(i);
        outbox.append(List.of(record));
        acknowledged.add(record);
      }
      outbox.commit(10); // reported: these must not come back
      acknowledged.subList(0, 10).clear();
      if (moment != Moment.QUIET) {
        CrashDisk.Hold hold = disk.holdForces();
        inFlight = CompletableFuture.runAsync(() -> {
          try {
            outbox.append(List.of(record(1_000)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        assertTrue(hold.awaitReached(5_000), "the in-flight record never reached its force");
      }
      cutPower(disk, moment);
      closeDead(outbox);
    }
    if (inFlight != null) {
      assertFailed(inFlight);
    }

    try (FileOutbox recovered = FileOutbox.open(dir)) {
      assertEquals(acknowledged, recovered.awaitBatch(1_000));
    }
  }

  private static BehaviourRecord record(int n) {
    return BehaviourRecord.authenticated("s" + n, BehaviourType.LOGIN, Instant.ofEpochSecond(1_790_000_000L + n),
        "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u");
  }

  private static void cutPower(CrashDisk disk, Moment moment) throws Exception {
    long torn = disk.powerLoss(moment == Moment.TORN);
    // the torn case really leaves half a write behind for recovery to cut
    assertEquals(moment == Moment.TORN, torn > 0, "torn bytes kept: " + torn);
  }

  /** Shuts down what ran on the machine that lost power; its writes and closes fail, as they may. */
  private static void closeDead(AutoCloseable dead) {
    try {
      dead.close();
    } catch (Exception expected) {
      // its files are gone from under it
    }
  }

  private static void assertFailed(CompletableFuture<?> write) {
    ExecutionException failed = assertThrows(ExecutionException.class, () -> write.get(10, TimeUnit.SECONDS),
        "a write whose force never finished was acknowledged");
    assertFalse(failed.getCause() instanceof AssertionError, failed::toString);
  }
}
