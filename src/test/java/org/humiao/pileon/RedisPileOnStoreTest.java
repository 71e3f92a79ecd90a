package org.humiao.pileon;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.humiao.events.Pseudonyms;
import org.humiao.minor.store.CountingRedis;
import org.humiao.minor.store.SharedRedis;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Redis store: what every store does ({@link PileOnStoreContract}), each {@link #open} a client
 * of its own (as a cluster's instances have) on the test's fresh key prefix, and the round trips a
 * screened message costs. Every key the store writes expires within the test's spans (at most an
 * hour), so nothing is left to delete.
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisPileOnStoreTest extends PileOnStoreContract {
  private final Vertx vertx = Vertx.vertx();
  private final String uri;
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<PileOnStore> opened = new ArrayList<>();

  RedisPileOnStoreTest(SharedRedis redis) {
    this.uri = redis.uri();
  }

  @Override
  protected PileOnStore open() {
    return open(client());
  }

  private PileOnStore open(Redis client) {
    PileOnStore store = new RedisPileOnStore(client, prefix, Duration.ofSeconds(2));
    opened.add(store);
    return store;
  }

  private Redis client() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(uri).setMaxPoolWaiting(64));
  }

  @Override
  protected PileOnStore restart(PileOnStore closed) {
    closed.close();
    opened.remove(closed);
    return open();
  }

  @AfterEach
  void close() throws Exception {
    opened.forEach(PileOnStore::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /**
   * A message that is not abuse, aimed at a reply's target and two mentions, is checked against
   * their protections in one round trip, not one per target: the last one's protection is found.
   */
  @Test
  void aMessageNamingThreeTargetsReadsTheirProtectionsInOneRoundTrip() {
    CountingRedis client = new CountingRedis(client());
    PileOnTracker tracker = new PileOnTracker(PileOnPolicy.load(Path.of("policies")).orElseThrow(), open(client),
        MinorLookup.NOBODY, new Pseudonyms("a test pseudonym key".getBytes(StandardCharsets.UTF_8)), e -> { },
        Clock.systemUTC());
    tracker.protect("p", "mentioned-2", Optional.of(ProtectionScope.STRANGERS), Instant.now().plusSeconds(600));
    // scored under the abuse level and over protection's: a pass, and a block aimed at a protected target
    ScreeningResult scored = new ScreeningResult(Decision.PASS, Reason.NONE, List.of(), List.of(), "masked", 0.6, "v1",
        List.of(Tier.FAST), OptionalDouble.empty());
    Aim.Builder aim = Aim.builder("p").target("replied-to").targets(List.of("mentioned-1", "mentioned-2"));

    client.taken();
    Verdict stranger = tracker.screened(aim.relation(Relation.STRANGER).build(), scored);
    assertEquals(1, client.taken(), "round trips of a message naming three targets");
    assertEquals(Decision.BLOCK, stranger.result().decision());
    Verdict friend = tracker.screened(aim.relation(Relation.FRIEND).build(), scored);
    assertEquals(1, client.taken());
    assertEquals(Decision.PASS, friend.result().decision(), "a friend is outside a protection from strangers");
  }
}
