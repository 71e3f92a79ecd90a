package org.humiao.minor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.sim.SettableClock;
import org.humiao.minor.store.CountingRedis;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.RedisPlayStateStore;
import org.humiao.minor.store.RedisTestStores;
import org.humiao.minor.store.SharedRedis;
import org.humiao.minor.store.StateQuery;
import org.humiao.minor.time.ChinaTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minor-mode calls on Redis run by {@link MinorMode#run}: a call whose only round trip is its
 * opening read answers from the event loop without a worker, one that needs more goes to a worker
 * once, and either way the answers, the round trips and the violation events are those of the same
 * call made directly (each event once, although a run on the loop that stopped had reported it).
 */
@ExtendWith(SharedRedis.Extension.class)
class NonBlockingCallsTest {
  /** Two persons born 2010-06-01: 15 in 2026. */
  private static final Map<String, String> ID_NUMBERS = Map.of("41", "110105201006011258", "42", "110105201006011231");
  private static final String RUN = "41";
  private static final String DIRECT = "42";

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger workerRuns = new AtomicInteger();
  private final List<String> loopThreads = new CopyOnWriteArrayList<>();
  private final List<ViolationEvent> events = new CopyOnWriteArrayList<>();
  private final Pseudonyms pseudonyms = new Pseudonyms("events-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private final SettableClock clock = new SettableClock(at("2026-03-13T20:30:00"), ChinaTime.ZONE);
  private RedisTestStores<PlayStateStore> stores;
  private CountingRedis client;
  private MinorMode minorMode;
  private Context loop;

  @BeforeEach
  void open(SharedRedis redis) {
    stores = new RedisTestStores<>(redis);
    PlayStateStore store = stores.open((redisClient, prefix) -> new RedisPlayStateStore(
        client = new CountingRedis(redisClient), prefix, Duration.ofSeconds(5), Duration.ofDays(31)));
    minorMode = new MinorMode(new PolicyRegistry(Path.of("policies")), store, TrustedIssuers.none(),
        new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)), pseudonyms, events::add,
        Optional.empty(), new PendingWrites(), clock);
    loop = vertx.getOrCreateContext();
  }

  @AfterEach
  void close() throws Exception {
    stores.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void callsRunOnTheLoopUntilASecondRoundTripAndAnswerAsDirectCallsDo() throws Exception {
    // the first user's calls put the scripts into Redis's cache (EVALSHA's NOSCRIPT, then EVAL)
    for (String user : List.of(DIRECT, RUN)) {
      boolean run = user.equals(RUN);
      JsonObject attested = call(run, () -> minorMode.attest("demo", user,
          new AttestationRequest.ResidentId(ID_NUMBERS.get(user))).toJson());
      assertTrue(attested.getBoolean("accepted"), attested::encode);
    }
    // an attestation opens with the link, which has no non-blocking form: a worker
    assertEquals(1, workerRuns.get());

    step("authorize", 1, 0, user -> minorMode.authorize(session(user)).toJson());
    long now = clock.instant().getEpochSecond();
    step("heartbeat", 1, 0, user -> minorMode.heartbeat(session(user), now - 30, now).toJson());
    step("heartbeat again", 1, 0, user -> minorMode.heartbeat(session(user), now - 10, now + 20).toJson());
    step("end", 1, 1, user -> minorMode.endSession(session(user)).toJson());
    // the view, then the stop mark cleared: the second round trip goes to a worker
    step("authorize after a stop", 2, 1, user -> minorMode.authorize(session(user)).toJson());
    // across 21:00: counted in the one script, then the stop mark (with a violation event)
    clock.set(at("2026-03-13T21:00:10"));
    long late = clock.instant().getEpochSecond();
    step("heartbeat that stops", 2, 1, user -> minorMode.heartbeat(session(user), late - 30, late).toJson());
    // play after the stop: the remembered view assumed no stop mark, so the view, a count, then the mark;
    // its event is reported by the run on the loop, which stops at the count
    clock.set(at("2026-03-13T21:00:40"));
    long later = clock.instant().getEpochSecond();
    step("heartbeat after the stop", 3, 1, user -> minorMode.heartbeat(session(user), late, later).toJson());

    assertEquals(reasons(DIRECT), reasons(RUN));
    assertEquals(List.of("outside_play_hours", "played_after_stop"), reasons(RUN).stream().sorted().toList(),
        "events of the call run on the loop: " + reasons(RUN));
    assertTrue(loopThreads.stream().allMatch(name -> name.startsWith("vert.x-eventloop-thread")), loopThreads::toString);
  }

  @Test
  void aRunOnTheLoopThatStopsAtASecondRoundTripDropsWhatItReportedAndTheWorkersRunReportsIt() throws Exception {
    List<ViolationEvent> reported = new CopyOnWriteArrayList<>();
    PlayStateStore store = stores.open((redisClient, prefix) -> new RedisPlayStateStore(redisClient, prefix,
        Duration.ofSeconds(5), Duration.ofDays(31)));
    NonBlockingCalls calls = new NonBlockingCalls(store, store.nonBlocking().orElseThrow(), clock, reported::add,
        new UserOrder());
    ViolationEvent event = ViolationEvent.builder("demo", ViolationEvent.Kind.QUOTA_EXCEEDED)
        .id("e-1").time(clock.instant()).category("play_time", 1).rule("quota_exceeded").user("u").build();
    // a call that reports before its second round trip, as a rule might
    Callable<Boolean> call = () -> {
      calls.view(StateQuery.of("user:demo:nobody"));
      calls.accept(event);
      calls.clearStopped("session:demo:s");
      return true;
    };
    assertTrue(calls.call(call, this::onLoop, this::onWorker).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS));
    assertEquals(1, workerRuns.get());
    assertEquals(List.of(event), reported);
  }

  /**
   * One call, made directly for one user and by {@link MinorMode#run} for the other: equal answers,
   * {@code roundTrips} each, and {@code workers} more runs on a worker for the second.
   */
  private void step(String name, int roundTrips, int workers, java.util.function.Function<String, JsonObject> call)
      throws Exception {
    client.taken();
    JsonObject direct = call.apply(DIRECT);
    assertEquals(roundTrips, client.taken(), name + ": round trips of the direct call");
    int before = workerRuns.get();
    JsonObject run = call(true, () -> call.apply(RUN));
    assertEquals(roundTrips, client.taken(), name + ": round trips of the call run without blocking");
    assertEquals(workers, workerRuns.get() - before, name + ": runs on a worker");
    assertEquals(direct, run, name);
  }

  private JsonObject call(boolean run, Supplier<JsonObject> work) throws Exception {
    if (!run) {
      return work.get();
    }
    return minorMode.run(work::get, this::onLoop, this::onWorker).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private <T> Future<T> onLoop(Callable<T> work) {
    Promise<T> answer = Promise.promise();
    loop.runOnContext(v -> {
      loopThreads.add(Thread.currentThread().getName());
      try {
        answer.complete(work.call());
      } catch (Exception e) {
        answer.fail(e);
      }
    });
    return answer.future();
  }

  private <T> Future<T> onWorker(Callable<T> work) {
    workerRuns.incrementAndGet();
    return vertx.executeBlocking(work, false);
  }

  private List<String> reasons(String user) {
    String pseudonym = pseudonyms.of("demo", user);
    List<String> reasons = new ArrayList<>();
    for (ViolationEvent event : events) {
      if (pseudonym.equals(event.user())) {
        reasons.add(event.rule());
      }
    }
    return reasons;
  }

  private static PlayRequest session(String user) {
    return new PlayRequest("demo", user, "s-" + user, ServiceKind.GAME, null);
  }

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }
}
