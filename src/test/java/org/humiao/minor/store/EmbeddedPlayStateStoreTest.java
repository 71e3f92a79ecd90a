package org.humiao.minor.store;

import org.humiao.durable.PendingWrites;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.LocalWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store: what every store does ({@link PlayStateStoreContract}, on a store of its
 * own in {@code dir/contract}), and its own concern, the log.
 */
class EmbeddedPlayStateStoreTest extends PlayStateStoreContract {
  private static final PaymentEntry PAY = new PaymentEntry("pay:1", "spend:p", 4000, "2026-02", "2026-02-20",
      20_000, Long.MAX_VALUE);

  @TempDir
  Path dir;

  @BeforeEach
  void openContractStore() {
    store = EmbeddedPlayStateStore.open(dir.resolve("contract"));
  }

  @AfterEach
  void closeContractStore() {
    store.close();
  }

  @Override
  protected String stored() throws Exception {
    StringBuilder all = new StringBuilder();
    try (var files = Files.walk(dir.resolve("contract"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        all.append(file.getFileName()).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  @Test
  void anErasureHoldsAcrossARestartAndLaterChangesAreKept() {
    Path data = dir.resolve("erase");
    String today = "play:p_1:op:game:2026-02-20";
    try (EmbeddedPlayStateStore first = EmbeddedPlayStateStore.open(data)) {
      first.putLink("user:a", new PersonLink("p_1", LocalDate.of(2013, 5, 17), "resident-id", 100, null));
      first.addPlay(today, new Interval(0, 600), 3600);
      first.erase(new Erasure("user:a", null, "play:p_1:op:", java.util.Set.of(today), java.util.Set.of(),
          "2026-02", "2026-02-20", java.util.Set.of()));
      first.addPlay(today, new Interval(600, 900), 3600);
    }
    try (EmbeddedPlayStateStore reopened = EmbeddedPlayStateStore.open(data)) {
      assertFalse(reopened.link("user:a").isPresent());
      assertEquals(900, reopened.playTotals(today, 0).allowedTotal());
    }
  }

  /** Writes one of everything the store keeps. */
  private static void fill(PlayStateStore store) {
    store.putLink("user:a", new PersonLink("p_1", LocalDate.of(2010, 6, 1), "resident-id", 100, null));
    store.addPlay("play:1", new Interval(1000, 1600), 500);
    store.addPlay("play:1", new Interval(1500, 1700), 500);
    store.recordPayment(PAY);
    store.recordPayment(new PaymentEntry("pay:2", "spend:p", 1000, "2026-02", "2026-02-20", 20_000, Long.MAX_VALUE));
    store.refund("pay:2");
    store.putGuardianControls("g:1", new GuardianControls(1800L,
        List.of(new LocalWindow(LocalTime.of(19, 0), LocalTime.of(20, 0))), false, true, 3000L, null));
    store.openGuestWindow("dev:1", 5000, 86400);
    store.markStopped("session:1", 4000);
    store.claimNonce("nonce:1", 9000, 100);
  }

  private static void assertFilled(PlayStateStore store) {
    assertEquals("p_1", store.link("user:a").orElseThrow().personId());
    PlayTally play = store.playTotals("play:1", 1200);
    assertEquals(500, play.allowedTotal());
    assertEquals(200, play.excessTotal());
    assertEquals(new Interval(1000, 1500), play.run());
    assertEquals(new SpendTotals(4000, 4000), store.spent("spend:p", "2026-02", "2026-02-20"));
    assertTrue(store.payment("pay:2").orElseThrow().refunded());
    assertEquals(PaymentOutcome.Status.DUPLICATE, store.recordPayment(PAY).status());
    assertEquals(1800L, store.guardianControls("g:1").orElseThrow().dailyQuotaSeconds());
    assertEquals(1, store.guardianControls("g:1").orElseThrow().windows().size());
    assertEquals(OptionalLong.of(5000), store.guestWindow("dev:1"));
    assertEquals(OptionalLong.of(4000), store.stoppedAt("session:1"));
    assertFalse(store.claimNonce("nonce:1", 9000, 200));
  }

  @Test
  void aChangeTheLogRefusesIsNotAppliedEvenInATrackedCall() {
    PendingWrites pending = new PendingWrites();
    EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir.resolve("refusing"), pending);
    store.close(); // from now on the log refuses every change
    assertThrows(IllegalStateException.class, () -> pending.track(() -> {
      store.putLink("user:a", new PersonLink("p_1", LocalDate.of(2010, 6, 1), "resident-id", 100, null));
      return null;
    }));
    assertTrue(store.link("user:a").isEmpty(), "a change without its log line was applied");
  }

  @Test
  void aRestartLosesNothing() {
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      fill(store);
      assertFilled(store);
    }
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      assertFilled(store);
    }
  }

  @Test
  void aTornLastLineIsDroppedAndTheLogGoesOn() throws Exception {
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      fill(store);
    }
    Path log = dir.resolve(EmbeddedPlayStateStore.LOG_FILE);
    long intact = Files.size(log);
    Files.writeString(log, "{\"op\":\"play\",\"key\":\"play:1\",\"allo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      assertFilled(store);
      assertEquals(intact, Files.size(log));
      store.addPlay("play:1", new Interval(0, 10), 1000);
    }
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      assertEquals(510, store.playTotals("play:1", 0).allowedTotal());
    }
  }

  @Test
  void aGarbledLastLineWithItsNewlineIsDroppedToo() throws Exception {
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      fill(store);
    }
    Files.write(dir.resolve(EmbeddedPlayStateStore.LOG_FILE), new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      assertFilled(store);
    }
  }

  @Test
  void damageBeforeTheEndIsRefused() throws Exception {
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      fill(store);
    }
    Path log = dir.resolve(EmbeddedPlayStateStore.LOG_FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    lines.set(1, "{broken");
    Files.write(log, lines);
    assertThrows(IllegalStateException.class, () -> EmbeddedPlayStateStore.open(dir));
  }
}
