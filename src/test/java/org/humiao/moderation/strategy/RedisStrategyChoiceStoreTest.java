package org.humiao.moderation.strategy;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.humiao.minor.store.SharedRedis;
import org.humiao.minor.store.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Redis store: what every store does ({@link StrategyChoiceStoreContract}), each store a client
 * of its own under one fresh key prefix, and a Redis that does not answer.
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisStrategyChoiceStoreTest extends StrategyChoiceStoreContract {
  private final Vertx vertx = Vertx.vertx();
  private final String uri;
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";

  RedisStrategyChoiceStoreTest(SharedRedis redis) {
    this.uri = redis.uri();
  }

  @Override
  protected StrategyChoiceStore openStore() {
    return new RedisStrategyChoiceStore(Redis.createClient(vertx, new RedisOptions().setConnectionString(uri)), prefix,
        Duration.ofSeconds(5));
  }

  @AfterEach
  void deleteKeysAndStop() throws Exception {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(uri));
    redis.send(Request.cmd(Command.DEL).arg(prefix + "strategies:platforms"))
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    redis.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aRedisThatIsNotThereIsUnavailableNeverNoChoice() throws Exception {
    try (StrategyChoiceStore gone = new RedisStrategyChoiceStore(Redis.createClient(vertx,
        new RedisOptions().setConnectionString("redis://127.0.0.1:1")), prefix, Duration.ofMillis(300))) {
      assertThrows(StateUnavailableException.class, gone::read);
      assertThrows(StateUnavailableException.class, () -> gone.write("demo", "strict"));
    }
  }
}
