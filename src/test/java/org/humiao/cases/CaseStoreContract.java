package org.humiao.cases;

import org.humiao.events.ViolationEvent;
import org.humiao.identity.ResidentIdNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CaseStore} does, run against the file log and Redis alike: each
 * implementation's test class extends this, puts a fresh, empty store in {@link #store} and says
 * how to open it again (a restart, or another instance).
 */
abstract class CaseStoreContract {
  static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

  CaseStore store;

  /**
   * The same cases through a new store: after a restart (the file log; {@link #store} is closed and
   * replaced) or from another instance (Redis). The test class closes it.
   */
  abstract CaseStore reopen() throws Exception;

  /** A store that writes the same cases at the same time: another instance (Redis), or the store itself (a file has one writer). */
  abstract CaseStore peer() throws Exception;

  static MandatoryCase opening(String eventId, Instant at) {
    ViolationEvent event = ViolationEvent.builder("demo", ViolationEvent.Kind.TEXT_BLOCKED)
        .id(eventId).time(at).category("threat", 4).rule("term").user("u_pseudonym").region("530502")
        .dataId("msg-1").mandatoryReport(true).build();
    return MandatoryCase.of(event, at.plusSeconds(1));
  }

  static CaseAction step(CaseStatus status, Instant at) {
    return new CaseAction(at, "key_county", status, status == CaseStatus.REFERRED ? Agency.PUBLIC_SECURITY : null,
        "step " + status.id());
  }

  @Test
  void anEventOpensOneCaseHoweverOftenItComes() {
    String id = UUID.randomUUID().toString();
    MandatoryCase first = store.open(opening(id, T0));
    MandatoryCase again = store.open(opening(id, T0.plusSeconds(60)));
    assertEquals(first, again, "the stored case, not the second opening");
    assertEquals(1, store.all().stream().filter(c -> c.id().equals(id)).count());
    assertEquals(CaseStatus.NEW, again.status());
    assertEquals("530502", again.region());
    assertEquals(T0.plusSeconds(1).plus(Duration.ofHours(24)), again.deadline());
  }

  @Test
  void aCaseGoesThroughItsStepsAndItsHistorySurvivesAReopen() throws Exception {
    String id = UUID.randomUUID().toString();
    store.open(opening(id, T0));
    store.act(id, step(CaseStatus.ACKNOWLEDGED, T0.plusSeconds(3600)));
    store.act(id, step(CaseStatus.REFERRED, T0.plusSeconds(7200)));
    MandatoryCase closed = store.act(id, step(CaseStatus.CLOSED, T0.plusSeconds(9000)));
    assertEquals(List.of(CaseStatus.NEW, CaseStatus.ACKNOWLEDGED, CaseStatus.REFERRED, CaseStatus.CLOSED),
        closed.history().stream().map(CaseAction::status).toList());
    assertEquals(Agency.PUBLIC_SECURITY, closed.agency());
    assertNull(closed.deadline(), "a closed case has no deadline");
    CaseStore other = reopen();
    assertEquals(closed, other.find(id).orElseThrow());
    assertEquals(closed, other.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow());
  }

  @Test
  void aStepTheStatusDoesNotAllowIsAConflictAndChangesNothing() {
    String id = UUID.randomUUID().toString();
    store.open(opening(id, T0));
    for (CaseStatus skip : new CaseStatus[] {CaseStatus.NEW, CaseStatus.REFERRED, CaseStatus.CLOSED}) {
      CaseException e = assertThrows(CaseException.class, () -> store.act(id, step(skip, T0.plusSeconds(5))));
      assertEquals(CaseException.Problem.CONFLICT, e.problem());
    }
    assertEquals(1, store.find(id).orElseThrow().version());
    CaseException missing = assertThrows(CaseException.class,
        () -> store.act("no-such-case", step(CaseStatus.ACKNOWLEDGED, T0)));
    assertEquals(CaseException.Problem.NOT_FOUND, missing.problem());
    assertTrue(store.find("no-such-case").isEmpty());
  }

  @Test
  void concurrentStepsOnOneCaseAreOrderedNoneLost() throws Exception {
    String id = UUID.randomUUID().toString();
    store.open(opening(id, T0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CaseStore other = peer();
    try {
      List<Callable<Boolean>> acks = List.of(
          () -> acknowledged(store, id), () -> acknowledged(other, id),
          () -> acknowledged(store, id), () -> acknowledged(other, id));
      long won = 0;
      for (Future<Boolean> f : pool.invokeAll(acks)) {
        won += f.get() ? 1 : 0;
      }
      assertEquals(1, won, "one acknowledgement wins, the others are conflicts");
      assertEquals(2, store.find(id).orElseThrow().version());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean acknowledged(CaseStore s, String id) {
    try {
      s.act(id, step(CaseStatus.ACKNOWLEDGED, T0.plusSeconds(10)));
      return true;
    } catch (CaseException e) {
      assertEquals(CaseException.Problem.CONFLICT, e.problem());
      return false;
    }
  }

  @Test
  void aNoteHoldingAResidentIdNumberIsRefused() {
    String first17 = "53050220100501123";
    String idNumber = first17 + ResidentIdNumber.checkCharFor(first17);
    CaseException e = assertThrows(CaseException.class, () -> new CaseAction(T0, "k", CaseStatus.ACKNOWLEDGED, null,
        "家长身份证 " + idNumber + " 已核实"));
    assertEquals(CaseException.Problem.INVALID, e.problem());
    char wrong = idNumber.endsWith("0") ? '1' : '0';
    assertFalse(new CaseAction(T0, "k", CaseStatus.ACKNOWLEDGED, null, "工单号 " + first17 + wrong).note().isEmpty(),
        "18 digits with a wrong check character are no ID number");
    assertThrows(CaseException.class, () -> new CaseAction(T0, "k", CaseStatus.ACKNOWLEDGED, Agency.OTHER, null),
        "an agency goes with referred only");
  }
}
