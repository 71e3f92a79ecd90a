package org.humiao.callbacks;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.Optional;

/**
 * The callbacks of the cluster profile: one Redis hash {@code <prefix>callbacks}, a field per
 * platform, so a registration through one instance is what every instance sends to. A Redis that
 * fails or is late is a {@link StateUnavailableException}.
 */
public final class RedisCallbackStore implements CallbackStore {
  private final Redis redis;
  private final String key;
  private final Duration timeout;

  /** @param prefix put before the key, so deployments (and test runs) can share a Redis */
  public RedisCallbackStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.key = prefix + "callbacks";
    this.timeout = timeout;
  }

  @Override
  public Optional<Callback> get(String platform) {
    Response r = await(redis.send(Request.cmd(Command.HGET).arg(key).arg(platform)));
    return Optional.ofNullable(r).map(v -> Callback.fromJson(new JsonObject(v.toString())));
  }

  @Override
  public void put(String platform, Callback callback) {
    await(redis.send(Request.cmd(Command.HSET).arg(key).arg(platform).arg(callback.toJson().encode())));
  }

  @Override
  public boolean delete(String platform) {
    return await(redis.send(Request.cmd(Command.HDEL).arg(key).arg(platform))).toInteger() == 1;
  }

  @Override
  public void close() {
    await(redis.close());
  }

  private <T> T await(Future<T> future) {
    return StateUnavailableException.awaitRedis(future, timeout);
  }
}
