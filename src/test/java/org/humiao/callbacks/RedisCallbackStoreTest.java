package org.humiao.callbacks;

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
 * The cluster profile's store: {@link CallbackStoreContract}, each store a client of its own (as a
 * cluster's instances have) on the test's fresh key prefix; the one hash it writes is deleted after.
 */
@ExtendWith(SharedRedis.Extension.class)
class RedisCallbackStoreTest extends CallbackStoreContract {
  private final Vertx vertx = Vertx.vertx();
  private final String uri;
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<CallbackStore> opened = new ArrayList<>();

  RedisCallbackStoreTest(SharedRedis redis) {
    this.uri = redis.uri();
  }

  @Override
  protected CallbackStore open() {
    CallbackStore store = new RedisCallbackStore(Redis.createClient(vertx, new RedisOptions().setConnectionString(uri)),
        prefix, Duration.ofSeconds(2));
    opened.add(store);
    return store;
  }

  @AfterEach
  void close() throws Exception {
    for (String platform : List.of("a", "b", "c")) {
      opened.get(0).delete(platform);
    }
    opened.forEach(CallbackStore::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
