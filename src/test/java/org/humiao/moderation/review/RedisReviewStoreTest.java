package org.humiao.moderation.review;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Redis store (the Redis at 127.0.0.1:6379, under a fresh key prefix deleted afterwards): what
 * every store does ({@link ReviewStoreContract}), and two instances, each with a client of its own,
 * of which exactly one wins a task both claim.
 */
class RedisReviewStoreTest extends ReviewStoreContract {
  private static final String URI = "redis://127.0.0.1:6379";
  /** Generous: the first call of a test connects, on a machine shared with other builds. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<RedisReviewStore> opened = new ArrayList<>();

  private RedisReviewStore open() {
    RedisReviewStore s = new RedisReviewStore(Redis.createClient(vertx, new RedisOptions().setConnectionString(URI)
        .setMaxPoolWaiting(64)), prefix, TIMEOUT);
    opened.add(s);
    return s;
  }

  @BeforeEach
  void openContractStore() {
    store = open();
  }

  @AfterEach
  void deleteKeys() throws Exception {
    Redis redis = Redis.createClient(vertx, URI);
    try {
      Response keys = redis.send(Request.cmd(Command.KEYS).arg(prefix + "*")).await(10, TimeUnit.SECONDS);
      if (keys.size() > 0) {
        Request del = Request.cmd(Command.DEL);
        keys.forEach(k -> del.arg(k.toString()));
        redis.send(del).await(10, TimeUnit.SECONDS);
      }
    } finally {
      opened.forEach(RedisReviewStore::close);
      redis.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void ofTwoInstancesClaimingEveryTaskExactlyOneWinsEach() throws Exception {
    ReviewStore a = open();
    ReviewStore b = open();
    List<ReviewTask> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(a.add(task("p", "d" + i, "text " + i)));
    }
    List<Callable<ReviewStore.Outcome>> calls = new ArrayList<>();
    for (ReviewTask t : tasks) {
      calls.add(() -> a.claim("p", t.id(), "ka", T0, T0.plusSeconds(300)).outcome());
      calls.add(() -> b.claim("p", t.id(), "kb", T0, T0.plusSeconds(300)).outcome());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      long won = 0;
      for (Future<ReviewStore.Outcome> f : pool.invokeAll(calls)) {
        won += f.get() == ReviewStore.Outcome.DONE ? 1 : 0;
      }
      assertEquals(tasks.size(), won);
    } finally {
      pool.shutdown();
    }
    for (ReviewTask t : tasks) {
      assertEquals(a.task("p", t.id()).orElseThrow().claim(), b.task("p", t.id()).orElseThrow().claim(),
          "both instances see the one claim");
    }
  }
}
