package org.humiao.minor.store;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.time.Interval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis store: what every store does ({@link PlayStateStoreContract}), two service instances
 * on one Redis, and a Redis that goes away.
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisPlayStateStoreTest extends PlayStateStoreContract {
  private final SharedRedis redis;
  private final RedisStores contractStores;

  RedisPlayStateStoreTest(SharedRedis redis) {
    this.redis = redis;
    this.contractStores = new RedisStores(redis.uri());
  }

  @BeforeEach
  void openContractStore() {
    store = contractStores.open();
  }

  @AfterEach
  void closeContractStore() throws Exception {
    contractStores.close();
  }

  @Override
  protected String stored() throws Exception {
    return contractStores.dump();
  }

  @Test
  void aStopMarkAnInstanceRemembersIsCheckedAgainstWhatAnotherInstanceDidToIt() throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      PlayStateStore a = stores.open();
      PlayStateStore b = stores.open();
      String user = Keys.user("plat-m", "u:1");
      String budget = Keys.dayPlay("p_m", "op:m", ServiceKind.GAME, LocalDate.of(2026, 2, 20));
      a.putLink(user, new PersonLink("p_m", LocalDate.of(2012, 5, 1), "resident-id", 100, null));
      StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:m")).session("session:m");
      // the plan: nothing allowed after the stop mark it is given
      Function<Interval, Function<StateView, PlayPlan>> plan = played -> view ->
          new PlayPlan(List.of(new PlayAdd(budget, played, view.stoppedAt().isPresent() ? 0 : 1000)), Optional.empty());
      a.view(query);
      a.markStopped("session:m", 10);
      // a remembers the mark it made: counted after the stop
      assertEquals(List.of(new PlayTally(0, 10, 0, 10, null)), a.viewThenAddPlay(query, plan.apply(new Interval(10, 20))).tallies());
      // b clears it (an authorize there): a's remembered mark no longer holds, what is stored counts
      b.clearStopped("session:m");
      CountedView resumed = a.viewThenAddPlay(query, plan.apply(new Interval(20, 30)));
      assertEquals(OptionalLong.empty(), resumed.view().stoppedAt());
      assertEquals(List.of(new PlayTally(10, 0, 10, 10, new Interval(20, 30))), resumed.tallies());
    }
  }

  @Test
  void aHeartbeatPlannedOnAViewThatHeldIsNotAnsweredTheLinkAndGuardianControlsAgain() throws Exception {
    try (RedisTestStores<PlayStateStore> stores = new RedisTestStores<>(redis)) {
      CountingBlockingRedis[] client = new CountingBlockingRedis[1];
      PlayStateStore store = stores.openBlocking((redisClient, prefix) -> new RedisPlayStateStore(
          client[0] = new CountingBlockingRedis(redisClient), prefix, Duration.ofDays(31)));
      String user = Keys.user("plat-h", "u:1");
      PersonLink link = new PersonLink("p_h", LocalDate.of(2012, 5, 1), "resident-id", 100, null);
      GuardianControls controls = new GuardianControls(3600L, List.of(), false, false, 5000L, null);
      store.putLink(user, link);
      store.putGuardianControls(Keys.personOperator("p_h", "op:h"), controls);
      String budget = Keys.dayPlay("p_h", "op:h", ServiceKind.GAME, LocalDate.of(2026, 2, 20));
      StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:h"))
          .budgets(p -> List.of(Keys.dayPlay(p, "op:h", ServiceKind.GAME, LocalDate.of(2026, 2, 20)))).session("session:h");
      Function<StateView, PlayPlan> plan = view -> new PlayPlan(List.of(new PlayAdd(budget, new Interval(0, 30), 1000)),
          Optional.empty());
      StateView full = store.view(query);
      long linkAndControls = link.toJson().encode().length() + controls.toJson().encode().length();
      client[0].answeredBytes();

      CountedView counted = store.viewThenAddPlay(query, plan);
      assertTrue(client[0].answeredBytes() < linkAndControls, "the link and the guardian controls were answered again");
      assertEquals(full.link(), counted.view().link());
      assertEquals(full.guardian(), counted.view().guardian());
      assertEquals(Map.of(budget, 0L), counted.view().allowedPlay());
    }
  }

  @Test
  void aHeartbeatsScriptReadsNoTotalItHasAlreadyReadOrMade() throws Exception {
    // a Redis of its own: its command statistics are this test's alone
    try (RedisServerProcess server = RedisServerProcess.start(); RedisStores stores = new RedisStores(server.uri())) {
      PlayStateStore store = stores.open();
      String user = Keys.user("plat-n", "u:1");
      store.putLink(user, new PersonLink("p_n", LocalDate.of(2012, 5, 1), "resident-id", 100, null));
      String budget = Keys.dayPlay("p_n", "op:n", ServiceKind.GAME, LocalDate.of(2026, 2, 20));
      StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:n"))
          .budgets(p -> List.of(Keys.dayPlay(p, "op:n", ServiceKind.GAME, LocalDate.of(2026, 2, 20)))).session("session:n");
      Function<Interval, Function<StateView, PlayPlan>> plan = played -> view -> new PlayPlan(
          List.of(new PlayAdd(budget, played, 1000)), Optional.of(new StopRule(played.to(), budget, 1000)));
      store.viewThenAddPlay(query, plan.apply(new Interval(0, 30)));
      stores.command(Request.cmd(Command.CONFIG).arg("RESETSTAT"));

      // the next 30 s, planned on the view remembered: one script
      CountedView counted = store.viewThenAddPlay(query, plan.apply(new Interval(30, 60)));
      assertEquals(List.of(new PlayTally(30, 0, 60, 0, new Interval(0, 60))), counted.tallies());
      long inside = 0;
      String stats = stores.command(Request.cmd(Command.INFO).arg("commandstats")).toString();
      for (String line : stats.split("\\r?\\n")) {
        Matcher m = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)").matcher(line);
        // the scripts' commands: not the script call itself, this test's, nor a new connection's HELLO
        if (m.find() && !Set.of("evalsha", "eval", "info", "config|resetstat", "hello").contains(m.group(1))) {
          inside += Long.parseLong(m.group(2));
        }
      }
      // the view's 4 reads; the totals once (HMGET), the runs (5 for the allowed, 2 for the excess), the totals'
      // increments and the expiries (5): not the totals again after the counts, nor the run the counts made
      assertTrue(inside <= 19, "commands inside the script: " + inside + "\n" + stats);
    }
  }

  @Test
  void twoInstancesCountEachSecondOnceWithinTheQuota() throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      PlayStateStore a = stores.open();
      PlayStateStore b = stores.open();
      List<Callable<PlayTally>> calls = new ArrayList<>();
      BitSet union = new BitSet();
      for (int t = 0; t < 200; t++) {
        PlayStateStore instance = t % 2 == 0 ? a : b;
        int from = (t * 37) % 1800;
        union.set(from, from + 120);
        calls.add(() -> instance.addPlay("play:p", new Interval(from, from + 120), 1000));
      }
      long allowed = 0;
      long excess = 0;
      for (PlayTally tally : runAll(calls)) {
        allowed += tally.addedAllowed();
        excess += tally.addedExcess();
      }
      assertEquals(1000, allowed);
      assertEquals(union.cardinality() - 1000, excess);
      assertEquals(new PlayTally(0, 0, 1000, excess, null), b.playTotals("play:p", 5000));
    }
  }

  @Test
  void aUserErasedOnOneInstanceIsForgottenByTheOtherAtItsNextCall() throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      RedisPlayStateStore a = (RedisPlayStateStore) stores.open();
      RedisPlayStateStore b = (RedisPlayStateStore) stores.open();
      String user = Keys.user("plat-e", "u:1");
      String guardian = Keys.personOperator("p_e", "op:e");
      a.putLink(user, new PersonLink("p_e", LocalDate.of(2012, 5, 1), "resident-id", 100, null));
      a.putGuardianControls(guardian, new GuardianControls(100L, List.of(), false, false, null, null));
      StateQuery query = StateQuery.of(user).guardian(p -> Keys.personOperator(p, "op:e"));
      assertTrue(a.view(query).link().isPresent());
      assertTrue(a.remembers(user), "a linked user's view is remembered for the next heartbeat");

      b.erase(new Erasure(user, guardian, Keys.playOf("p_e", "op:e"), Set.of(), Set.of(), "2026-02", "2026-02-20",
          Set.of()));
      assertTrue(a.view(query).link().isEmpty());
      assertFalse(a.remembers(user), "the other instance still holds the erased person's link in memory");
    }
  }

  @Test
  void concurrentPaymentsOfTwoInstancesNeverPassTheMonthlyCap() throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      PlayStateStore a = stores.open();
      PlayStateStore b = stores.open();
      List<Callable<PaymentOutcome>> calls = new ArrayList<>();
      for (int t = 0; t < 100; t++) {
        PlayStateStore instance = t % 2 == 0 ? a : b;
        // every payment twice, once through each instance: retried submissions
        PaymentEntry entry = new PaymentEntry("pay:" + (t / 2), "spend:p", 3000, "2026-02", "2026-02-" + (10 + t % 10),
            20_000, Long.MAX_VALUE);
        calls.add(() -> instance.recordPayment(entry));
      }
      List<PaymentOutcome> outcomes = runAll(calls);
      long accepted = outcomes.stream().filter(o -> o.status() == PaymentOutcome.Status.ACCEPTED).count();
      assertEquals(6, accepted); // 6 × 3000 ≤ 20 000 < 7 × 3000
      assertEquals(18_000, a.spent("spend:p", "2026-02", "2026-02-10").monthFen());
      outcomes.forEach(o -> assertTrue(o.totals().monthFen() <= 20_000));
    }
  }

  @Test
  void everyTallyIsTheEmbeddedStoresTally(@TempDir Path dir) throws Exception {
    Random random = new Random(11);
    try (RedisStores stores = new RedisStores(redis.uri());
         PlayStateStore embedded = EmbeddedPlayStateStore.open(dir)) {
      PlayStateStore store = stores.open();
      for (int i = 0; i < 400; i++) {
        String key = "play:" + random.nextInt(3);
        int from = random.nextInt(3000);
        Interval played = new Interval(from, from + random.nextInt(200));
        long limit = random.nextInt(5) == 0 ? 0 : random.nextInt(2500);
        assertEquals(embedded.addPlay(key, played, limit), store.addPlay(key, played, limit), "report " + i);
        long second = random.nextInt(3200);
        assertEquals(embedded.playTotals(key, second), store.playTotals(key, second), "totals " + i);
      }
    }
  }

  @Test
  void expiringStateGetsATimeToLive() throws Exception {
    try (RedisStores stores = new RedisStores(redis.uri())) {
      PlayStateStore store = stores.open();
      store.addPlay("play:t", new Interval(0, 10), 100);
      store.claimNonce("nonce:t", 1600, 1000);
      store.openGuestWindow("dev:t", 1000, 3600);
      store.recordPayment(new PaymentEntry("pay:t", "spend:t", 1, "2026-02", "2026-02-20", 10, 10));
      assertTrue(stores.ttl("play-allowed:play:t") > Duration.ofDays(15).toSeconds());
      assertTrue(stores.ttl("play-totals:play:t") > Duration.ofDays(15).toSeconds());
      assertEquals(600 + 300, stores.ttl("nonce:nonce:t"), 2);
      assertEquals(3600 + 300, stores.ttl("guest:dev:t"), 2);
      assertEquals(Duration.ofDays(3).toSeconds(), stores.ttl("spend-day:2026-02-20:spend:t"), 2);
      assertEquals(-1, stores.ttl("payment:pay:t")); // kept: payments stay idempotent
    }
  }

  @Test
  void aStoppedRedisIsUnavailableWithinTheTimeoutAndUsableAgainAfterARestart() throws Exception {
    try (RedisServerProcess server = RedisServerProcess.start(); RedisStores stores = new RedisStores(server.uri())) {
      PlayStateStore store = stores.open();
      assertEquals(10, store.addPlay("play:o", new Interval(0, 10), 100).addedAllowed());
      assertEquals(Optional.empty(), store.problem());

      server.kill();
      assertTrue(store.problem().isPresent(), "a stopped Redis is a problem for the health check");
      List<Consumer<PlayStateStore>> calls = List.of(
          s -> s.addPlay("play:o", new Interval(10, 20), 100),
          s -> s.playTotals("play:o", 0),
          s -> s.recordPayment(new PaymentEntry("pay:o", "spend:o", 1, "2026-02", "2026-02-20", 10, 10)),
          s -> s.claimNonce("nonce:o", 2000, 1000),
          s -> s.link("user:o"));
      for (Consumer<PlayStateStore> call : calls) {
        long start = System.nanoTime();
        assertThrows(StateUnavailableException.class, () -> call.accept(store));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(RedisStores.TIMEOUT.plusMillis(500)) < 0, "took " + took);
      }

      server.restart(); // empty, and without the scripts: EVALSHA falls back to EVAL
      assertEquals(10, store.addPlay("play:o", new Interval(10, 20), 100).addedAllowed());
      assertTrue(store.claimNonce("nonce:o", 2000, 1000));
      assertEquals(Optional.empty(), store.problem());
    }
  }

  private static <T> List<T> runAll(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
