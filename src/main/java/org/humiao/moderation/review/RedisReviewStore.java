package org.humiao.moderation.review;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.RedisScript;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The queue of the cluster profile, in Redis, so every instance sees and claims the same tasks. A
 * task is a hash: {@code json} (the task without claim and resolution, written once, rewritten only
 * to drop its text), {@code platform}, {@code claimKey} and {@code claimUntil} (epoch millis), and
 * {@code resolution} (JSON) with {@code resolvedAt}. Adding, claiming and resolving are Lua scripts,
 * so each is atomic across instances. A platform's task ids are a set, and the platforms a set.
 * Redis persistence (AOF with fsync) is the operator's: see docs/review.md.
 */
public final class RedisReviewStore implements ReviewStore {
  private static final RedisScript ADD = RedisScript.load("review-add");
  private static final RedisScript CLAIM = RedisScript.load("review-claim");
  private static final RedisScript RESOLVE = RedisScript.load("review-resolve");

  private final Redis redis;
  private final String prefix;
  private final Duration timeout;

  /**
   * @param prefix put before every key (redisPrefix)
   * @param timeout the longest a call waits for Redis
   */
  public RedisReviewStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.prefix = prefix + "review:";
    this.timeout = timeout;
  }

  @Override
  public ReviewTask add(ReviewTask task) {
    Response stored = run(ADD, List.of(taskKey(task.id()), platformKey(task.platform()), prefix + "platforms"),
        TaskCodec.toJson(task.withClaim(null).withResolution(null)).encode(), task.id(), task.platform());
    return TaskCodec.fromJson(new JsonObject(stored.toString()));
  }

  @Override
  public Optional<ReviewTask> task(String platform, String id) {
    return read(id).filter(t -> t.platform().equals(platform));
  }

  @Override
  public List<ReviewTask> tasks(String platform) {
    List<String> platforms = platform != null ? List.of(platform)
        : strings(send(Request.cmd(Command.SMEMBERS).arg(prefix + "platforms")));
    List<ReviewTask> tasks = new ArrayList<>();
    for (String p : platforms) {
      for (String id : strings(send(Request.cmd(Command.SMEMBERS).arg(platformKey(p))))) {
        read(id).ifPresent(tasks::add);
      }
    }
    return tasks;
  }

  @Override
  public Claimed claim(String platform, String id, String keyId, Instant now, Instant until) {
    Outcome outcome = outcome(run(CLAIM, List.of(taskKey(id)), platform, keyId, now.toEpochMilli(), until.toEpochMilli()));
    return new Claimed(outcome, outcome == Outcome.MISSING ? null : task(platform, id).orElse(null));
  }

  @Override
  public Resolved resolve(String platform, String id, ReviewTask.Resolution resolution) {
    Outcome outcome = outcome(run(RESOLVE, List.of(taskKey(id)), platform, resolution.keyId(),
        resolution.at().toEpochMilli(), TaskCodec.toJson(resolution).encode()));
    return new Resolved(outcome, outcome == Outcome.MISSING ? null : task(platform, id).orElse(null));
  }

  @Override
  public int dropTexts(Instant resolvedBefore) {
    int dropped = 0;
    for (ReviewTask t : tasks(null)) {
      if (t.content().text() != null && t.resolution() != null && t.resolution().at().isBefore(resolvedBefore)) {
        rewriteJson(t.withoutText());
        dropped++;
      }
    }
    return dropped;
  }

  @Override
  public int forgetUser(String platform, String userId) {
    int forgotten = 0;
    for (ReviewTask t : tasks(platform)) {
      if (t.concerns(userId)) {
        rewriteJson(t.forgetting(userId));
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Replaces a task's JSON: only ever rewritten here, and claims and resolutions live in fields of their own. */
  private void rewriteJson(ReviewTask task) {
    send(Request.cmd(Command.HSET).arg(taskKey(task.id())).arg("json")
        .arg(TaskCodec.toJson(task.withClaim(null).withResolution(null)).encode()));
  }

  @Override
  public void close() {
    redis.close();
  }

  private Optional<ReviewTask> read(String id) {
    Response hash = send(Request.cmd(Command.HGETALL).arg(taskKey(id)));
    if (hash == null || hash.size() == 0 || hash.get("json") == null) {
      return Optional.empty();
    }
    ReviewTask task = TaskCodec.fromJson(new JsonObject(hash.get("json").toString()));
    if (hash.get("claimKey") != null) {
      task = task.withClaim(new ReviewTask.Claim(hash.get("claimKey").toString(),
          Instant.ofEpochMilli(hash.get("claimUntil").toLong())));
    }
    if (hash.get("resolution") != null) {
      task = task.withResolution(TaskCodec.resolution(new JsonObject(hash.get("resolution").toString())));
    }
    return Optional.of(task);
  }

  private String taskKey(String id) {
    return prefix + "task:" + id;
  }

  private String platformKey(String platform) {
    return prefix + "platform:" + platform;
  }

  private static Outcome outcome(Response r) {
    return Outcome.valueOf(r.toString().toUpperCase(Locale.ROOT));
  }

  private static List<String> strings(Response r) {
    List<String> out = new ArrayList<>();
    if (r != null) {
      r.forEach(item -> out.add(item.toString()));
    }
    return out;
  }

  private Response run(RedisScript script, List<String> keys, Object... args) {
    return await(script.run(redis, keys, Arrays.stream(args).map(String::valueOf).toList()));
  }

  private Response send(Request request) {
    return await(redis.send(request));
  }

  private <T> T await(Future<T> future) {
    return StateUnavailableException.awaitRedis(future, timeout);
  }
}
