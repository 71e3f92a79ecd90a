package org.humiao.minor.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Redis stores of one test, each with a client of its own (as separate service instances have),
 * all under one fresh key prefix, whose keys {@link #close} deletes.
 */
public final class RedisStores implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Vertx vertx = Vertx.vertx();
  private final String uri;
  private final String prefix = "humiao-test-" + UUID.randomUUID() + ":";
  private final List<RedisPlayStateStore> opened = new ArrayList<>();

  public RedisStores(String uri) {
    this.uri = uri;
  }

  public RedisPlayStateStore open() {
    RedisPlayStateStore store = new RedisPlayStateStore(RespPool.open(uri, TIMEOUT), prefix, Duration.ofDays(16));
    opened.add(store);
    return store;
  }

  /** The seconds to live of one of the stores' keys ({@code kind:key}), as Redis's TTL answers it. */
  long ttl(String storeKey) throws Exception {
    Redis redis = client();
    try {
      return await(redis.send(Request.cmd(Command.TTL).arg(prefix + storeKey))).toLong();
    } finally {
      await(redis.close());
    }
  }

  /** One command on a connection of its own, for a test's look at Redis itself (INFO, CONFIG). */
  Response command(Request request) throws Exception {
    Redis redis = client();
    try {
      return await(redis.send(request));
    } finally {
      await(redis.close());
    }
  }

  /** Every key of the stores with its value (strings, hashes, sorted sets), one per line, to search. */
  public String dump() throws Exception {
    Redis redis = client();
    try {
      StringBuilder all = new StringBuilder();
      String cursor = "0";
      do {
        Response page = await(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
            .arg("COUNT").arg(1000)));
        cursor = page.get(0).toString();
        for (Response key : page.get(1)) {
          String type = await(redis.send(Request.cmd(Command.TYPE).arg(key.toString()))).toString();
          Request read = switch (type) {
            case "string" -> Request.cmd(Command.GET).arg(key.toString());
            case "hash" -> Request.cmd(Command.HGETALL).arg(key.toString());
            case "zset" -> Request.cmd(Command.ZRANGE).arg(key.toString()).arg(0).arg(-1).arg("WITHSCORES");
            default -> throw new AssertionError("a " + type + " key the dump does not read: " + key);
          };
          all.append(key).append(' ').append(await(redis.send(read))).append('\n');
        }
      } while (!"0".equals(cursor));
      return all.toString();
    } finally {
      await(redis.close());
    }
  }

  @Override
  public void close() throws Exception {
    Redis redis = client();
    try {
      String cursor = "0";
      do {
        Response page = await(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
            .arg("COUNT").arg(1000)));
        cursor = page.get(0).toString();
        if (page.get(1).size() > 0) {
          Request del = Request.cmd(Command.DEL);
          page.get(1).forEach(key -> del.arg(key.toString()));
          await(redis.send(del));
        }
      } while (!"0".equals(cursor));
    } finally {
      opened.forEach(RedisPlayStateStore::close);
      await(redis.close());
      await(vertx.close());
    }
  }

  private Redis client() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(uri).setMaxPoolWaiting(64));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
