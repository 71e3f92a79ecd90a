package org.humiao.moderation.lists;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.RedisScript;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists in Redis, shared by every instance of the cluster profile: a hash per platform
 * ({@code <prefix>lists:<platform>}, fields {@code b:<term>} holding the entry's JSON and {@code
 * a:<phrase>}) and one hash of every platform's version ({@code <prefix>lists:versions}), which
 * every instance reads each second to notice changes. A write is one Lua script that checks the
 * version and replaces the platform's hash, so it is atomic across instances. Redis rather than a
 * compacted Kafka topic: a change must be read back at once (the PUT answers with the new version
 * and the next screen uses it), needs a compare-and-set across instances, and is small; a topic
 * would need a consumer per instance replaying the whole topic at start. Each call blocks its
 * worker for at most {@code timeout}. Scripts go by EVAL: lists change rarely, so caching them by SHA saves nothing.
 */
public final class RedisPlatformListStore implements PlatformListStore {
  private static final RedisScript WRITE = RedisScript.load("lists-write");
  private static final RedisScript READ = RedisScript.load("lists-read");
  private static final String BLOCK_FIELD = "b:";
  private static final String ALLOW_FIELD = "a:";

  private final Redis redis;
  private final String prefix;
  private final Duration timeout;

  /**
   * @param redis the client, closed with the store
   * @param prefix put before every key, so several deployments (or test runs) can share a Redis
   */
  public RedisPlatformListStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeout = timeout;
  }

  @Override
  public PlatformEntries read(String platform) {
    Response r = await(READ.run(redis, List.of(listKey(platform), versionsKey()), List.of(platform)));
    List<BlockEntry> block = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    Response fields = r.get(1);
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String field = fields.get(i).toString();
      if (field.startsWith(BLOCK_FIELD)) {
        block.add(BlockEntry.fromJson(new JsonObject(fields.get(i + 1).toString())));
      } else {
        allow.add(field.substring(ALLOW_FIELD.length()));
      }
    }
    return new PlatformEntries(platform, r.get(0).toLong(), block, allow);
  }

  @Override
  public boolean write(PlatformEntries next) {
    List<String> args = new ArrayList<>(2 + 2 * (next.block().size() + next.allow().size()));
    args.add(next.platform());
    args.add(Long.toString(next.version()));
    for (BlockEntry e : next.block()) {
      args.add(BLOCK_FIELD + e.term());
      args.add(e.toJson().encode());
    }
    for (String phrase : next.allow()) {
      args.add(ALLOW_FIELD + phrase);
      args.add("1");
    }
    return await(WRITE.run(redis, List.of(listKey(next.platform()), versionsKey()), args)).toInteger() == 1;
  }

  @Override
  public Map<String, Long> versions() {
    Response r = await(redis.send(Request.cmd(Command.HGETALL).arg(versionsKey())));
    Map<String, Long> versions = new HashMap<>();
    for (String platform : r.getKeys()) {
      versions.put(platform, r.get(platform).toLong());
    }
    return versions;
  }

  private String listKey(String platform) {
    return prefix + "lists:" + platform;
  }

  private String versionsKey() {
    return prefix + "lists:versions";
  }

  private <T> T await(Future<T> future) {
    try {
      return StateUnavailableException.awaitRedis(future, timeout);
    } catch (StateUnavailableException e) {
      throw new ListStoreUnavailableException(e.getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
