package org.humiao.pileon;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Redis store: what every store does ({@link PileOnStoreContract}), each {@link #open} a client
 * of its own (as a cluster's instances have) on the test's fresh key prefix. Every key the store
 * writes expires within the test's spans (at most an hour), so nothing is left to delete.
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
    PileOnStore store = new RedisPileOnStore(Redis.createClient(vertx, new RedisOptions().setConnectionString(uri)
        .setMaxPoolWaiting(64)), prefix, Duration.ofSeconds(2));
    opened.add(store);
    return store;
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
}
