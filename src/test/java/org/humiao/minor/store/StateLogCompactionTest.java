package org.humiao.minor.store;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.PendingWrites;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.LocalWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store's log compacted by snapshot: the state read through the store is the same
 * after a restart, the log left is small, and a crash after the snapshot was written but before
 * the logs it covers were deleted counts nothing twice (payments would).
 */
class StateLogCompactionTest {
  private static final int USERS = 15;
  private static final long SMALL_LOG = 8 * 1024;

  @TempDir
  Path dir;

  @Test
  void compactionKeepsTheStateAcrossARestartAndLeavesASmallLog() throws Exception {
    String before;
    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir, new PendingWrites(), SMALL_LOG)) {
      changeEverything(store);
      before = observe(store);
    }
    assertTrue(Files.exists(dir.resolve(WriteAheadLog.SNAPSHOT)), "no snapshot was written");
    assertEquals(List.of(), renamedLogs(), "compacted logs were left");
    long log = Files.size(dir.resolve(WriteAheadLog.ACTIVE));
    assertTrue(log < SMALL_LOG + 1024, "the live log is " + log + " bytes after compaction");
    String header = Files.readAllLines(dir.resolve(WriteAheadLog.SNAPSHOT)).get(0);
    long generations = new JsonObject(header).getLong("covers");
    assertTrue(generations >= 5, "the log was compacted only " + generations + " times: " + header);

    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir, new PendingWrites(), SMALL_LOG)) {
      assertEquals(before, observe(store));
    }
  }

  @Test
  void aCrashBetweenTheSnapshotAndTheDeletionOfTheLogCountsNothingTwice() throws Exception {
    String before;
    // one uncompacted log, renamed as a rotation leaves it: a crash before its snapshot
    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir, new PendingWrites(), Long.MAX_VALUE)) {
      changeEverything(store);
      before = observe(store);
    }
    Path renamed = dir.resolve("minor-state.0000000001.jsonl");
    Files.move(dir.resolve(WriteAheadLog.ACTIVE), renamed);
    Path copy = dir.resolve("kept.jsonl");
    Files.copy(renamed, copy);

    // opening compacts it: snapshot written, then the log deleted
    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir, new PendingWrites(), Long.MAX_VALUE)) {
      assertEquals(before, observe(store));
    }
    assertFalse(Files.exists(renamed), "the compacted log was not deleted");
    assertTrue(Files.exists(dir.resolve(WriteAheadLog.SNAPSHOT)));

    // as if the process died between the snapshot's rename and the log's deletion
    Files.move(copy, renamed);
    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir, new PendingWrites(), Long.MAX_VALUE)) {
      assertEquals(before, observe(store));
    }
    assertFalse(Files.exists(renamed), "a log the snapshot covers was kept");
  }

  /** Every kind of change, for many keys, over and over. */
  private static void changeEverything(EmbeddedPlayStateStore store) {
    for (int round = 0; round < 20; round++) {
      for (int u = 0; u < USERS; u++) {
        String user = "user:" + u;
        store.putLink(user, new PersonLink("p_" + u, LocalDate.of(2012, 1, 1).plusDays(u), "resident-id", round, null));
        store.claimNonce("nonce:" + u + ":" + round, 1_000 + round, round);
        store.putGuardianControls("g:" + u, new GuardianControls(1800L + round,
            List.of(new LocalWindow(LocalTime.of(19, 0), LocalTime.of(20, 0))), round % 2 == 0, true, 3000L, 5000L));
        long from = 1_700_000_000L + round * 120L;
        store.addPlay("budget:" + u, new Interval(from, from + 60 + u), 1200);
        store.openGuestWindow("device:" + u, round * 3600L * 24, 3600L * 24 * 15);
        if (round % 3 == 0) {
          store.markStopped("session:" + u, from);
        } else {
          store.clearStopped("session:" + u);
        }
        PaymentOutcome paid = store.recordPayment(new PaymentEntry("pay:" + u + ":" + round, "spend:" + u, 100 + u,
            "2026-02", "2026-02-" + (10 + round % 5), 20_000, 5_000));
        if (paid.status() == PaymentOutcome.Status.ACCEPTED && round % 4 == 0) {
          store.refund("pay:" + u + ":" + round);
        }
      }
    }
  }

  /** Everything the store answers about the keys changed, as one text to compare. */
  private static String observe(EmbeddedPlayStateStore store) {
    JsonObject seen = new JsonObject();
    for (int u = 0; u < USERS; u++) {
      seen.put("link" + u, String.valueOf(store.link("user:" + u)));
      seen.put("guardian" + u, String.valueOf(store.guardianControls("g:" + u)));
      seen.put("play" + u, String.valueOf(store.playTotals("budget:" + u, 1_700_000_000L + 19 * 120L + 10)));
      seen.put("guest" + u, String.valueOf(store.guestWindow("device:" + u)));
      seen.put("stop" + u, String.valueOf(store.stoppedAt("session:" + u)));
      for (int day = 10; day < 15; day++) {
        seen.put("spent" + u + ":" + day, String.valueOf(store.spent("spend:" + u, "2026-02", "2026-02-" + day)));
      }
      for (int round = 0; round < 20; round++) {
        seen.put("payment" + u + ":" + round, String.valueOf(store.payment("pay:" + u + ":" + round)));
        // a nonce claimed before is a replay until it expires
        seen.put("nonce" + u + ":" + round, store.claimNonce("nonce:" + u + ":" + round, 1_000 + round, round));
      }
    }
    return seen.encodePrettily();
  }

  private List<Path> renamedLogs() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("minor-state\\.\\d+\\.jsonl")).toList();
    }
  }
}
