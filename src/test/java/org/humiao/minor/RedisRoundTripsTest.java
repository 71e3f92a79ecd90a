package org.humiao.minor;

import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.sim.SettableClock;
import org.humiao.minor.store.CountingBlockingRedis;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.RedisPlayStateStore;
import org.humiao.minor.store.RedisTestStores;
import org.humiao.minor.store.SharedRedis;
import org.humiao.minor.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis round trips per minor-mode call of a minor, counted on the store's client: what the call
 * reads before it decides is one script, and a change planned on the user's last view goes with it
 * (counts, a stop mark made or cleared, a payment, guardian controls).
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisRoundTripsTest {
  /** Two persons born 2010-06-01: 15 in 2026. */
  private static final Map<String, String> ID_NUMBERS = Map.of("41", "110105201006011258", "42", "110105201006011231");

  @Test
  void aMinorsCallsTakeTheirTargetRoundTrips(SharedRedis redis) throws Exception {
    SettableClock clock = new SettableClock(at("2026-03-13T20:30:00"), ChinaTime.ZONE);
    try (RedisTestStores<PlayStateStore> stores = new RedisTestStores<>(redis)) {
      CountingBlockingRedis[] client = new CountingBlockingRedis[1];
      PlayStateStore store = stores.openBlocking((redisClient, prefix) -> new RedisPlayStateStore(
          client[0] = new CountingBlockingRedis(redisClient), prefix, Duration.ofDays(31)));
      MinorMode minorMode = new MinorMode(new PolicyRegistry(Path.of("policies")), store, TrustedIssuers.none(),
          new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)),
          new Pseudonyms("events-key-0123456789".getBytes(StandardCharsets.UTF_8)), e -> { }, Optional.empty(),
          new PendingWrites(), clock);
      // the first user's calls put the scripts into Redis's cache (EVALSHA's NOSCRIPT, then EVAL: once per script)
      calls(minorMode, clock, client[0], "41", new LinkedHashMap<>(), new LinkedHashMap<>());
      Map<String, Integer> taken = new LinkedHashMap<>();
      Map<String, Integer> target = new LinkedHashMap<>();
      calls(minorMode, clock, client[0], "42", taken, target);

      for (String call : target.keySet()) {
        assertTrue(taken.get(call) <= target.get(call), "round trips " + taken + ", targets " + target);
      }
    }
  }

  @Test
  void aGuestsAuthorizeReadsItsWindowsTotalsOnce(SharedRedis redis, @TempDir Path dir) throws Exception {
    // games on a policy with a guest quota: a guest's play is counted in a window the first play opens
    Path assignments = dir.resolve("assignments.json");
    Files.writeString(assignments, "{\"default\": {\"game\": \"nppa-2019\", \"streaming\": \"cac-minor-mode-2024\","
        + " \"tipping\": \"tipping-2022\"}, \"platforms\": {}}");
    SettableClock clock = new SettableClock(at("2026-03-13T20:30:00"), ChinaTime.ZONE);
    try (RedisTestStores<PlayStateStore> stores = new RedisTestStores<>(redis)) {
      CountingBlockingRedis[] client = new CountingBlockingRedis[1];
      PlayStateStore store = stores.openBlocking((redisClient, prefix) -> new RedisPlayStateStore(
          client[0] = new CountingBlockingRedis(redisClient), prefix, Duration.ofDays(31)));
      MinorMode minorMode = new MinorMode(new PolicyRegistry(Path.of("policies"), assignments), store,
          TrustedIssuers.none(), new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)),
          new Pseudonyms("events-key-0123456789".getBytes(StandardCharsets.UTF_8)), e -> { }, Optional.empty(),
          new PendingWrites(), clock);
      long now = clock.instant().getEpochSecond();
      for (String guest : List.of("g1", "g2")) {
        PlayRequest session = new PlayRequest("demo", guest, "s-" + guest, ServiceKind.GAME, "device-" + guest);
        assertTrue(minorMode.heartbeat(session, now - 30, now).proceed());
        client[0].taken();
        assertTrue(minorMode.authorize(session).allowed());
        // the first guest's calls put the scripts into Redis's cache; the second's are counted
        if (guest.equals("g2")) {
          int taken = client[0].taken();
          // the view, then the window's totals (the stop rule's total is not in the view: left to the rules' read)
          assertTrue(taken <= 2, "round trips of a guest's authorize in a window: " + taken);
        }
      }
    }
  }

  /** A minor's day, each call's round trips into {@code taken} and its most into {@code target}. */
  private static void calls(MinorMode minorMode, SettableClock clock, CountingBlockingRedis client, String user,
                            Map<String, Integer> taken, Map<String, Integer> target) {
    clock.set(at("2026-03-13T20:30:00")); // a Friday, in the hour minors may play
    assertTrue(minorMode.attest("demo", user, new AttestationRequest.ResidentId(ID_NUMBERS.get(user))).accepted());
    client.taken();
    PlayRequest session = new PlayRequest("demo", user, "s-" + user, ServiceKind.GAME, null);
    long now = clock.instant().getEpochSecond();
    count(taken, target, "authorize", 1, client, () -> assertTrue(minorMode.authorize(session).allowed()));
    count(taken, target, "heartbeat", 1, client, () -> assertTrue(minorMode.heartbeat(session, now - 30, now).proceed()));
    PaymentRequest payment = new PaymentRequest("demo", user, ServiceKind.GAME, 100, "k-" + user);
    count(taken, target, "payment", 1, client, () -> assertTrue(minorMode.checkPayment(payment).allowed()));
    count(taken, target, "payment retried", 1, client, () -> assertTrue(minorMode.checkPayment(payment).allowed()));
    count(taken, target, "guardian controls", 1, client, () -> assertTrue(minorMode.setGuardianControls("demo", user,
        new GuardianControls(null, List.of(), false, false, 5000L, null)).applied()));
    // planned on the controls just written, which this instance remembers
    count(taken, target, "heartbeat after guardian controls", 1, client,
        () -> assertTrue(minorMode.heartbeat(session, now - 20, now + 10).proceed()));
    count(taken, target, "end", 1, client, () -> minorMode.endSession(session));
    count(taken, target, "authorize after a stop", 1, client, () -> assertTrue(minorMode.authorize(session).allowed()));
    // a report across 21:00: its open and its closed part are counted apart, and the stop mark made, in one script
    clock.set(at("2026-03-13T21:00:10"));
    long late = clock.instant().getEpochSecond();
    count(taken, target, "heartbeat that stops", 1, client,
        () -> assertFalse(minorMode.heartbeat(session, late - 30, late).proceed()));
    // the platform reports play after the stop: counted against the mark this instance made, in one script
    clock.set(at("2026-03-13T21:00:40"));
    long later = clock.instant().getEpochSecond();
    count(taken, target, "heartbeat of a stopped session", 1, client,
        () -> assertFalse(minorMode.heartbeat(session, later - 30, later).proceed()));
    // asked again outside the hour: refused, the session's mark made with the read; the next opening, Saturday
    // 20:00, reads that day's budget (one more)
    count(taken, target, "authorize refused", 2, client, () -> assertFalse(minorMode.authorize(session).allowed()));
  }

  private static void count(Map<String, Integer> taken, Map<String, Integer> target, String call, int most,
                            CountingBlockingRedis client, Runnable run) {
    run.run();
    taken.put(call, client.taken());
    target.put(call, most);
  }

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }
}
