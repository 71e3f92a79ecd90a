package org.humiao.moderation.strategy;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The platforms' chosen strategies in Redis, shared by every instance of the cluster profile: one
 * hash {@code <prefix>strategies:platforms} (platform → strategy id). A choice is one HSET, atomic
 * by itself; every instance reads the hash each second. Each call blocks its worker for at most
 * {@code timeout}, then fails with {@link StateUnavailableException}.
 */
public final class RedisStrategyChoiceStore implements StrategyChoiceStore {
  private final Redis redis;
  private final String key;
  private final Duration timeout;

  /**
   * @param redis the client, closed with the store
   * @param prefix put before the key, so several deployments (or test runs) can share a Redis
   */
  public RedisStrategyChoiceStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.key = prefix + "strategies:platforms";
    this.timeout = timeout;
  }

  @Override
  public Map<String, String> read() {
    Response r = StateUnavailableException.awaitRedis(redis.send(Request.cmd(Command.HGETALL).arg(key)), timeout);
    Map<String, String> choices = new HashMap<>();
    for (String platform : r.getKeys()) {
      choices.put(platform, r.get(platform).toString());
    }
    return Map.copyOf(choices);
  }

  @Override
  public void write(String platform, String strategyId) {
    StateUnavailableException.awaitRedis(redis.send(Request.cmd(Command.HSET).arg(key).arg(platform).arg(strategyId)),
        timeout);
  }

  @Override
  public void close() {
    redis.close();
  }
}
