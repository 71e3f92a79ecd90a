package org.humiao.minor;

import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.RedisStores;
import org.humiao.minor.store.SharedRedis;
import org.humiao.minor.time.ChinaTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guardian's deletion racing the user's own minor-mode calls, on both stores: while four threads
 * report play of yesterday, set guardian controls, pay and ask to play for the user, the user is
 * forgotten; once the deletion has answered and the racing calls are done, the store holds neither
 * the user id, the birth date, guardian controls nor yesterday's play, and still today's play
 * (docs/privacy.md's keep-list). The racing calls send a device, so those the deletion came
 * before count a guest by its device, which names no user.
 */
@ExtendWith(SharedRedis.Extension.class)
class DeletionRaceTest {
  private static final String PLATFORM = "demo";
  /** Born 2010-06-01: 16 on the test's day, a minor. */
  private static final String ID_NUMBER = "110105201006011258";
  private static final String BIRTH = "2010-06-01";
  /** A Wednesday, 15:00 in Beijing. */
  private static final Instant NOW = Instant.parse("2026-12-09T07:00:00Z");
  private static final String TODAY = "2026-12-09";
  private static final String YESTERDAY = "2026-12-08";
  private static final String DEVICE = "dev-race";
  private static final int ROUNDS = 20;
  private static final int RACERS = 4;
  /** Calls each racer makes before the deletion is sent, so that all of them are under way. */
  private static final int CALLS_BEFORE = 40;

  @FunctionalInterface
  interface Stored {
    String read() throws Exception;
  }

  @Test
  void embedded(@TempDir Path dir) throws Exception {
    try (PlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      race(store, () -> files(dir));
    }
  }

  @Test
  void redis(SharedRedis redis) throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      race(stores.open(), stores::dump);
    }
  }

  private static void race(PlayStateStore store, Stored stored) throws Exception {
    MinorMode minor = new MinorMode(new PolicyRegistry(Path.of("policies")), store, TrustedIssuers.none(),
        new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)),
        new Pseudonyms("events-key-0123456789".getBytes(StandardCharsets.UTF_8)), e -> { }, Optional.empty(),
        new PendingWrites(), Clock.fixed(NOW, ZoneOffset.UTC));
    long now = NOW.getEpochSecond();
    long yesterday = LocalDate.parse(YESTERDAY).atStartOfDay(ChinaTime.ZONE).toEpochSecond();
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // one person, a new account each round: fixed width, so no user id is a part of another
        String user = "kid-%03d".formatted(round);
        assertTrue(minor.attest(PLATFORM, user, new AttestationRequest.ResidentId(ID_NUMBER)).accepted());
        minor.heartbeat(new PlayRequest(PLATFORM, user, "s-today", ServiceKind.STREAMING, DEVICE), now - 600, now);
        AtomicBoolean forgotten = new AtomicBoolean();
        AtomicLong second = new AtomicLong();
        CountDownLatch underWay = new CountDownLatch(RACERS);
        List<Future<?>> racers = new ArrayList<>();
        for (int r = 0; r < RACERS; r++) {
          String payments = "pay-" + round + "-" + r + "-";
          PlayRequest session = new PlayRequest(PLATFORM, user, "s-" + r, ServiceKind.STREAMING, DEVICE);
          racers.add(pool.submit(() -> {
            for (int call = 0; !forgotten.get(); call++) {
              // a second of yesterday not reported before: every report is a write
              long from = yesterday + second.getAndIncrement() % 86_000;
              switch (call % 4) {
                case 0 -> minor.heartbeat(session, from, from + 1);
                case 1 -> minor.setGuardianControls(PLATFORM, user,
                    new GuardianControls(null, List.of(), false, false, 5000L, null));
                case 2 -> minor.checkPayment(new PaymentRequest(PLATFORM, user, ServiceKind.GAME, 100, payments + call));
                default -> minor.authorize(session);
              }
              if (call == CALLS_BEFORE) {
                underWay.countDown();
              }
            }
            return null;
          }));
        }
        assertTrue(underWay.await(60, TimeUnit.SECONDS), "the racers are under way");
        minor.forget(PLATFORM, user, EnumSet.allOf(Forgettable.class));
        forgotten.set(true);
        for (Future<?> racer : racers) {
          racer.get(60, TimeUnit.SECONDS);
        }

        String after = stored.read();
        for (String trace : List.of(user, BIRTH, "guardian:", YESTERDAY)) {
          assertFalse(after.contains(trace), "round " + round + ": " + trace + " is still stored");
        }
        assertTrue(after.contains("streaming:" + TODAY), "round " + round + ": today's play is kept");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every file under {@code dir}, as text. */
  private static String files(Path dir) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        all.append(file.getFileName()).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }
}
