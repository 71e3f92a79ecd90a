package org.humiao.minor.store;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Stores under test on the shared Redis, for the Redis side of a contract test: each store opened
 * on a client of its own (as another instance would be) under one random key prefix; at the end
 * every key of that prefix is deleted and the stores and their Vert.x closed.
 *
 * @param <S> the store's type
 */
public final class RedisTestStores<S extends AutoCloseable> implements AutoCloseable {
  private final SharedRedis redis;
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<S> opened = new ArrayList<>();

  public RedisTestStores(SharedRedis redis) {
    this.redis = redis;
  }

  /** A new store made by {@code make} from a new client and the prefix. */
  public S open(BiFunction<Redis, String, S> make) {
    S store = make.apply(client(), prefix);
    opened.add(store);
    return store;
  }

  /** A new store made by {@code make} from new blocking connections (5 s timeout) and the prefix. */
  public S openBlocking(BiFunction<BlockingRedis, String, S> make) {
    S store = make.apply(RespPool.open(redis.uri(), Duration.ofSeconds(5)), prefix);
    opened.add(store);
    return store;
  }

  @Override
  public void close() throws Exception {
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
    for (S store : opened) {
      store.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private Redis client() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.uri()).setMaxPoolWaiting(64));
  }
}
