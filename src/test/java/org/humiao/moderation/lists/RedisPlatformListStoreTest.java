package org.humiao.moderation.lists;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Redis store: what every store does ({@link PlatformListStoreContract}), each store a client
 * of its own under one fresh key prefix, and a Redis that does not answer.
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisPlatformListStoreTest extends PlatformListStoreContract {
  private final Vertx vertx = Vertx.vertx();
  private final String uri;
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";

  RedisPlatformListStoreTest(SharedRedis redis) {
    this.uri = redis.uri();
  }

  @Override
  protected PlatformListStore openStore() {
    return new RedisPlatformListStore(Redis.createClient(vertx, new RedisOptions().setConnectionString(uri)), prefix,
        Duration.ofSeconds(5));
  }

  @Override
  protected PlatformListStore secondInstance(PlatformListStore first) {
    return openStore();
  }

  @AfterEach
  void deleteKeysAndStop() throws Exception {
    try (PlatformListStore cleaner = openStore()) {
      // the test's keys: every platform's hash and the versions hash
      Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(uri));
      for (String platform : cleaner.versions().keySet()) {
        redis.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL).arg(prefix + "lists:" + platform))
            .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      }
      redis.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL).arg(prefix + "lists:versions"))
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      redis.close();
    }
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aRedisThatIsNotThereIsUnavailableNeverAnEmptyList() throws Exception {
    try (PlatformListStore gone = new RedisPlatformListStore(Redis.createClient(vertx,
        new RedisOptions().setConnectionString("redis://127.0.0.1:1")), prefix, Duration.ofMillis(300))) {
      assertThrows(ListStoreUnavailableException.class, () -> gone.read("p"));
      assertThrows(ListStoreUnavailableException.class, gone::versions);
    }
  }
}
