package org.humiao.privacy;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requests of the cluster profile: one hash, {@code prefix + "privacy-requests"}, of request id
 * to its JSON, so every instance sees each request and the regulators' counts are the same from
 * any. Never expires. A Redis that fails or does not answer within {@code timeout} is a {@link
 * StateUnavailableException}.
 */
public final class RedisPrivacyLog implements PrivacyLog {
  private final Redis redis;
  private final String key;
  private final Duration timeout;

  /** @param redis the client, closed with the log */
  public RedisPrivacyLog(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.key = prefix + "privacy-requests";
    this.timeout = timeout;
  }

  @Override
  public void put(PrivacyRequest request) {
    send(Request.cmd(Command.HSET).arg(key).arg(request.id()).arg(request.toJson().encode()));
  }

  @Override
  public Optional<PrivacyRequest> find(String id) {
    return Optional.ofNullable(send(Request.cmd(Command.HGET).arg(key).arg(id)))
        .map(r -> PrivacyRequest.fromJson(new JsonObject(r.toString())));
  }

  @Override
  public List<PrivacyRequest> all() {
    List<PrivacyRequest> all = new ArrayList<>();
    for (Response r : send(Request.cmd(Command.HVALS).arg(key))) {
      all.add(PrivacyRequest.fromJson(new JsonObject(r.toString())));
    }
    return all;
  }

  private Response send(Request request) {
    return StateUnavailableException.awaitRedis(redis.send(request), timeout);
  }

  @Override
  public void close() {
    redis.close();
  }
}
