package org.humiao.minor;

import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.sim.SettableClock;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the event journal receives: pseudonymous, categorized, with the reason code as rule. */
class MinorModeEventsTest {
  private static final String ID_NUMBER = "110105201006011231";
  private static final Pseudonyms PSEUDONYMS = new Pseudonyms("events-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @TempDir
  Path dir;

  private final List<ViolationEvent> events = new ArrayList<>();
  private final SettableClock clock = new SettableClock(at("2026-03-10T12:00:00+08:00"), ChinaTime.ZONE);
  private PlayStateStore store;
  private MinorMode minorMode;

  private static java.time.Instant at(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  @BeforeEach
  void setUp() {
    store = EmbeddedPlayStateStore.open(dir);
    minorMode = new MinorMode(new PolicyRegistry(Path.of("policies")), store, TrustedIssuers.none(),
        new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)), PSEUDONYMS, events::add, Optional.empty(), new PendingWrites(), clock);
    minorMode.attest("demo", "42", new AttestationRequest.ResidentId(ID_NUMBER));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void aRefusedStartIsACurfewAttemptOfThePseudonymousUser() {
    clock.set(at("2026-03-10T20:30:00+08:00")); // a Tuesday: no play day under nppa-2021
    PlayRequest request = new PlayRequest("demo", "42", "s1", ServiceKind.GAME, null);
    assertFalse(minorMode.authorize(request).allowed());
    assertEquals(1, events.size());
    ViolationEvent e = events.get(0);
    assertEquals(ViolationEvent.Kind.CURFEW_ATTEMPT, e.kind());
    assertEquals("curfew", e.category());
    assertEquals("not_a_play_day", e.rule());
    assertEquals(PSEUDONYMS.of("demo", "42"), e.user());
    assertEquals("demo", e.platform());
    assertEquals(at("2026-03-10T20:30:00+08:00"), e.time());
    assertEquals("nppa-2021", e.evidence().getString("policy"));
    assertFalse(e.mandatoryReport());
    // a retry is the same event, so the journal can drop it
    minorMode.authorize(request);
    assertEquals(e.id(), events.get(1).id());
  }

  @Test
  void playAfterAStopIsPlatformNoncompliance() {
    clock.set(at("2026-03-13T21:00:30+08:00"));
    PlayRequest request = new PlayRequest("demo", "42", "s2", ServiceKind.GAME, null);
    long from = at("2026-03-13T20:59:00+08:00").getEpochSecond();
    HeartbeatAnswer first = minorMode.heartbeat(request, from, from + 90);
    assertFalse(first.proceed());
    clock.set(at("2026-03-13T21:01:30+08:00"));
    minorMode.heartbeat(request, from + 90, from + 150);
    ViolationEvent last = events.get(events.size() - 1);
    assertEquals(ViolationEvent.Kind.PLATFORM_NONCOMPLIANCE, last.kind());
    assertEquals("platform", last.category());
    assertEquals("played_after_stop", last.rule());
    assertEquals(60, last.evidence().getLong("secondsAfterStop"));
    assertTrue(last.mandatoryReport());
    assertEquals(3, last.severity());
  }

  @Test
  void aRefusedTipIsATipEventOfTheTippingFamily() {
    PaymentAnswer answer = minorMode.checkPayment(new PaymentRequest("demo", "42", ServiceKind.TIPPING, 100, "t1"));
    assertFalse(answer.allowed());
    ViolationEvent e = events.get(0);
    assertEquals(ViolationEvent.Kind.TIP_REFUSED, e.kind());
    assertEquals("tipping", e.category());
    assertEquals("tipping-2022", e.evidence().getString("policy"));
  }

  @Test
  void theIdNumberIsNeverStoredOrReported() throws Exception {
    clock.set(at("2026-03-10T23:00:00+08:00"));
    minorMode.authorize(new PlayRequest("demo", "42", "s3", ServiceKind.GAME, null));
    minorMode.checkPayment(new PaymentRequest("demo", "42", ServiceKind.TIPPING, 100, "t2"));
    assertFalse(events.isEmpty());
    events.forEach(e -> assertFalse(e.toJson().encode().contains(ID_NUMBER)));
    String log = Files.readString(dir.resolve(EmbeddedPlayStateStore.LOG_FILE));
    assertFalse(log.contains(ID_NUMBER));
    assertFalse(log.contains("2010060112"));
  }

  @Test
  void badHeartbeatIntervalsAreRejected() {
    PlayRequest request = new PlayRequest("demo", "42", "s4", ServiceKind.GAME, null);
    long now = clock.instant().getEpochSecond();
    assertThrows(IllegalArgumentException.class, () -> minorMode.heartbeat(request, now, now));
    assertThrows(IllegalArgumentException.class, () -> minorMode.heartbeat(request, now - 90_000, now));
    assertThrows(IllegalArgumentException.class, () -> minorMode.heartbeat(request, now, now + 3600));
  }
}
