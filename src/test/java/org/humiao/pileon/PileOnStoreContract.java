package org.humiao.pileon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PileOnStore} does, so the embedded and the Redis store stay interchangeable:
 * each implementation's test class extends this and opens stores over one shared state (two Redis
 * clients on one prefix are two instances of a cluster; the embedded store is one instance's).
 */
abstract class PileOnStoreContract {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), TEN_MINUTES);
  /** Real epoch millis: Redis expires keys relative to the calls, and the calls come now. */
  private final long t0 = System.currentTimeMillis();

  /** A store over the test's state; every call of one test shares it. */
  protected abstract PileOnStore open();

  /** {@code store} closed, and a store opened again on the same place: the instance restarted. */
  protected abstract PileOnStore restart(PileOnStore store);

  @Test
  void protectionsSurviveARestartAndOneSwitchedOffStaysOff() {
    PileOnStore store = open();
    Protection kept = new Protection(ProtectionScope.EVERYONE, t0, t0 + 3_600_000, true);
    store.protect("kept", Optional.of(kept));
    store.protect("off", Optional.of(new Protection(ProtectionScope.STRANGERS, t0, t0 + 3_600_000, false)));
    store.protect("off", Optional.empty());
    store.protect("replaced", Optional.of(new Protection(ProtectionScope.STRANGERS, t0, t0 + 3_600_000, false)));
    Protection replaced = new Protection(ProtectionScope.STRANGERS, t0 + 5, t0 + 7_200_000, false);
    store.protect("replaced", Optional.of(replaced));
    PileOnStore after = restart(store);
    assertEquals(Optional.of(kept), after.protection("kept", t0 + 1));
    assertEquals(Optional.empty(), after.protection("off", t0 + 1));
    assertEquals(Optional.of(replaced), after.protection("replaced", t0 + 10));
    after.protect("kept", Optional.empty());
    assertEquals(Optional.empty(), restart(after).protection("kept", t0 + 1));
  }

  @Test
  void countsMessagesAndDistinctNamedAuthorsPerWindow() {
    PileOnStore store = open();
    store.hit("t", t0 - Duration.ofMinutes(30).toMillis(), "old", WINDOWS, 100);
    store.hit("t", t0 - 2000, "a", WINDOWS, 100);
    store.hit("t", t0 - 1000, "a", WINDOWS, 100);
    store.hit("t", t0 - 500, null, WINDOWS, 100);
    List<Tally> tallies = store.hit("t", t0, "b", WINDOWS, 100);
    assertEquals(List.of(new Tally(5, 3), new Tally(4, 2)), tallies);
    assertEquals(tallies, store.tallies("t", t0, WINDOWS));
    // eleven minutes on, the ten-minute window is empty and the hour still holds them
    assertEquals(List.of(new Tally(5, 3), new Tally(0, 0)), store.tallies("t", t0 + Duration.ofMinutes(11).toMillis(),
        WINDOWS));
    assertEquals(List.of(Tally.ZERO, Tally.ZERO), store.tallies("other", t0, WINDOWS));
  }

  @Test
  void aTargetRemembersAtMostItsCapTheNewest() {
    PileOnStore store = open();
    for (int i = 0; i < 30; i++) {
      store.hit("t", t0 + i, "author" + i, WINDOWS, 10);
    }
    assertEquals(new Tally(10, 10), store.tallies("t", t0 + 30, WINDOWS).get(1));
  }

  @Test
  void aLevelIsRaisedOnceUntilItsHoldRunsOutAndAHigherOneRaisesAgain() {
    PileOnStore store = open();
    assertEquals(LevelMark.NONE, store.level("t", t0));
    assertTrue(store.raise("t", RiskLevel.WATCH, t0, TEN_MINUTES));
    assertFalse(store.raise("t", RiskLevel.WATCH, t0 + 1000, TEN_MINUTES));
    assertEquals(new LevelMark(RiskLevel.WATCH, t0, t0 + 1000 + TEN_MINUTES.toMillis()), store.level("t", t0 + 1000));
    assertTrue(store.raise("t", RiskLevel.SURGE, t0 + 2000, TEN_MINUTES));
    assertFalse(store.raise("t", RiskLevel.WATCH, t0 + 3000, TEN_MINUTES), "a lower level is no news");
    assertEquals(RiskLevel.SURGE, store.level("t", t0 + 3000).level());
    long later = t0 + 3000 + TEN_MINUTES.toMillis();
    assertEquals(LevelMark.NONE, store.level("t", later));
    assertTrue(store.raise("t", RiskLevel.WATCH, later, TEN_MINUTES), "a run-out mark is raised anew");
  }

  @Test
  void protectionHoldsUntilItEndsOrIsSwitchedOff() {
    PileOnStore store = open();
    Protection p = new Protection(ProtectionScope.STRANGERS, t0, t0 + 60_000, false);
    store.protect("t", Optional.of(p));
    assertEquals(Optional.of(p), store.protection("t", t0 + 1));
    assertEquals(Optional.empty(), store.protection("t", t0 + 60_000));
    assertEquals(Optional.empty(), store.protection("u", t0));
    store.protect("t", Optional.empty());
    assertEquals(Optional.empty(), store.protection("t", t0 + 1));
  }

  @Test
  void theProtectionsOfManyTargetsAreReadInOneCallInTheirOrder() {
    PileOnStore store = open();
    Protection strangers = new Protection(ProtectionScope.STRANGERS, t0, t0 + 60_000, false);
    Protection everyone = new Protection(ProtectionScope.EVERYONE, t0, t0 + 3_600_000, true);
    store.protect("a", Optional.of(strangers));
    store.protect("b", Optional.of(everyone));
    store.protect("off", Optional.of(strangers));
    store.protect("off", Optional.empty());
    // read by another instance (Redis), or the same one (embedded)
    PileOnStore reader = open();
    assertEquals(List.of(Optional.of(everyone), Optional.empty(), Optional.of(strangers), Optional.empty(),
        Optional.of(everyone)), reader.protections(List.of("b", "nobody", "a", "off", "b"), t0 + 1));
    assertEquals(List.of(Optional.empty(), Optional.of(everyone)), reader.protections(List.of("a", "b"), t0 + 60_000),
        "a's protection has ended, b's holds");
    assertEquals(List.of(), reader.protections(List.of(), t0));
  }

  @Test
  void evidenceIsAnsweredByTimeOldestFirstWithinItsCap() {
    PileOnStore store = open();
    for (int i = 0; i < 8; i++) {
      store.addEvidence("t", entry(t0 + i * 1000L, "d" + i), Duration.ofHours(1), 5);
    }
    List<EvidenceEntry> all = store.evidence("t", t0, t0 + 60_000, 100);
    assertEquals(List.of("d3", "d4", "d5", "d6", "d7"), all.stream().map(EvidenceEntry::dataId).toList());
    assertEquals(entry(t0 + 4000, "d4"), all.get(1));
    assertEquals(List.of("d4", "d5"), store.evidence("t", t0 + 4000, t0 + 6000, 100).stream()
        .map(EvidenceEntry::dataId).toList());
    assertEquals(2, store.evidence("t", t0, t0 + 60_000, 2).size());
    assertEquals(List.of(), store.evidence("u", t0, t0 + 60_000, 100));
  }

  @Test
  void concurrentRaisesOfOneLevelThroughTwoStoresRaiseItOnce() throws Exception {
    PileOnStore a = open();
    PileOnStore b = open();
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      PileOnStore store = i % 2 == 0 ? a : b;
      long at = t0 + i;
      calls.add(() -> {
        store.hit("t", at, "author" + at, WINDOWS, 100);
        return store.raise("t", RiskLevel.SURGE, at, TEN_MINUTES);
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    int raised = 0;
    try {
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        raised += f.get() ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, raised);
    assertEquals(new Tally(40, 40), b.tallies("t", t0 + 40, WINDOWS).get(1));
  }

  @Test
  void forgettingAUserDropsItsOwnTargetStateAndItsMessagesEverywhereAndNothingElse() {
    PileOnStore store = open();
    // the user "u_kid" is a target: others' messages, a level, evidence and a protection
    store.hit("u_kid", t0, "u_a", WINDOWS, 100);
    store.hit("u_kid", t0 + 1, "u_b", WINDOWS, 100);
    store.raise("u_kid", RiskLevel.WATCH, t0, TEN_MINUTES);
    store.addEvidence("u_kid", entry(t0, "k1"), Duration.ofHours(1), 100);
    store.protect("u_kid", Optional.of(new Protection(ProtectionScope.STRANGERS, t0, t0 + 3_600_000, false)));
    // and an author: its messages at "t", among another author's
    store.hit("t", t0, "u_kid", WINDOWS, 100);
    store.hit("t", t0 + 1, "u_other", WINDOWS, 100);
    store.hit("t", t0 + 2, "u_kid", WINDOWS, 100);
    store.addEvidence("t", new EvidenceEntry(t0, "mine-1", "u_kid", "你个***", "block", List.of("insult")),
        Duration.ofHours(1), 100);
    store.addEvidence("t", new EvidenceEntry(t0 + 1, "theirs", "u_other", "滚***", "block", List.of("insult")),
        Duration.ofHours(1), 100);
    store.addEvidence("t", new EvidenceEntry(t0 + 2, "mine-2", "u_kid", "废***", "review", List.of("insult")),
        Duration.ofHours(1), 100);

    assertEquals(2 + 1 + 1 + 1 + 2 + 2, open().forget("u_kid"), "own: 2 messages, level, evidence, protection; 4 at t");

    // seen from another instance (Redis), or the same one (embedded: windows and evidence live in its memory)
    PileOnStore peer = open();
    long now = t0 + 10;
    assertEquals(List.of(Tally.ZERO, Tally.ZERO), peer.tallies("u_kid", now, WINDOWS));
    assertEquals(LevelMark.NONE, peer.level("u_kid", now));
    assertEquals(List.of(), peer.evidence("u_kid", t0 - 1, now, 100));
    assertEquals(Optional.empty(), peer.protection("u_kid", now));
    assertEquals(new Tally(1, 1), peer.tallies("t", now, WINDOWS).get(0), "only u_other's message is left at t");
    assertEquals(List.of("theirs"), peer.evidence("t", t0 - 1, now, 100).stream().map(EvidenceEntry::dataId).toList());
    assertEquals(0, peer.forget("u_kid"), "forgetting again finds nothing");
    assertEquals(Optional.empty(), restart(store).protection("u_kid", now), "the protection stays gone after a restart");
  }

  static EvidenceEntry entry(long at, String dataId) {
    return new EvidenceEntry(at, dataId, "u_author", "你个***", "block", List.of("insult"));
  }
}
