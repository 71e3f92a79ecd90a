package org.humiao.compliance;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The cluster profile's counts in Redis: the contract, another instance being another client on the same keys. */
@ExtendWith(SharedRedis.Extension.class)
class RedisDenominatorStoreTest extends DenominatorStoreContract {
  private final SharedRedis redis;
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<DenominatorStore> opened = new ArrayList<>();

  RedisDenominatorStoreTest(SharedRedis redis) {
    this.redis = redis;
  }

  @BeforeEach
  void openStore() {
    store = instance();
  }

  @AfterEach
  void closeStores() throws Exception {
    Redis client = client();
    List<String> keys = new ArrayList<>();
    client.send(Request.cmd(Command.KEYS).arg(prefix + "*")).await(10, TimeUnit.SECONDS)
        .forEach(k -> keys.add(k.toString()));
    if (!keys.isEmpty()) {
      Request del = Request.cmd(Command.DEL);
      keys.forEach(del::arg);
      client.send(del).await(10, TimeUnit.SECONDS);
    }
    client.close();
    opened.forEach(DenominatorStore::close);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Override
  DenominatorStore reopen() {
    return instance();
  }

  @Override
  DenominatorStore peer() {
    return instance();
  }

  private DenominatorStore instance() {
    DenominatorStore s = new RedisDenominatorStore(client(), prefix, Duration.ofSeconds(5));
    opened.add(s);
    return s;
  }

  private Redis client() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.uri()).setMaxPoolWaiting(64));
  }
}
