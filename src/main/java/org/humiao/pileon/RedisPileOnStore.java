package org.humiao.pileon;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.RedisScan;
import org.humiao.minor.store.RedisScript;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store in Redis, shared by the instances of a cluster: a target's window, level and evidence
 * are each one key changed by one Lua script, so instances counting one pile-on count it together
 * and exactly one of them raises each level. Every key expires once it no longer matters (a window
 * after its longest span, a level after its hold, evidence after its retention, a protection when
 * it ends), which bounds Redis's memory by the targets under attack. A call blocks its worker for at
 * most {@code timeout}; a Redis that fails or is late is a {@link StateUnavailableException}.
 */
public final class RedisPileOnStore implements PileOnStore {
  private static final RedisScript WINDOW = RedisScript.load("pileon-window");
  private static final RedisScript RAISE = RedisScript.load("pileon-raise");
  private static final RedisScript EVIDENCE = RedisScript.load("pileon-evidence");
  private static final RedisScript FORGET_TARGET = RedisScript.load("pileon-forget-target");
  private static final RedisScript FORGET_AUTHOR = RedisScript.load("pileon-forget-author");
  private static final List<String> TARGET_KINDS = List.of("pileon-hits", "pileon-level", "pileon-evidence",
      "pileon-protection");

  private final Redis redis;
  private final String prefix;
  private final Duration timeout;

  /** @param prefix put before every key, so deployments (and test runs) can share a Redis */
  public RedisPileOnStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeout = timeout;
  }

  @Override
  public List<Tally> hit(String target, long at, String author, List<Duration> windows, int cap) {
    // the nonce keeps two messages of one author at one millisecond two members
    String member = (author == null ? "" : author) + "|" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    return window("hit", target, at, member, cap, windows);
  }

  @Override
  public List<Tally> tallies(String target, long now, List<Duration> windows) {
    return window("tally", target, now, "", 0, windows);
  }

  private List<Tally> window(String mode, String target, long now, String member, int cap, List<Duration> windows) {
    List<String> args = new ArrayList<>(List.of(mode, Long.toString(now), member, Integer.toString(cap),
        Long.toString(windows.stream().mapToLong(Duration::toMillis).max().orElse(1))));
    windows.forEach(w -> args.add(Long.toString(w.toMillis())));
    Response r = await(WINDOW.run(redis, List.of(key("pileon-hits", target)), args));
    List<Tally> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(new Tally(r.get(2 * i).toInteger(), r.get(2 * i + 1).toInteger()));
    }
    return out;
  }

  @Override
  public boolean raise(String target, RiskLevel level, long now, Duration hold) {
    return await(RAISE.run(redis, List.of(key("pileon-level", target)),
        List.of(Integer.toString(level.ordinal()), Long.toString(now), Long.toString(now + hold.toMillis()))))
        .toInteger() == 1;
  }

  @Override
  public LevelMark level(String target, long now) {
    Response r = await(redis.send(Request.cmd(Command.HMGET).arg(key("pileon-level", target))
        .arg("level").arg("since").arg("until")));
    if (r.get(0) == null) {
      return LevelMark.NONE;
    }
    LevelMark mark = new LevelMark(RiskLevel.values()[r.get(0).toInteger()], r.get(1).toLong(), r.get(2).toLong());
    return mark.activeAt(now) ? mark : LevelMark.NONE;
  }

  @Override
  public void protect(String target, Optional<Protection> protection) {
    String key = key("pileon-protection", target);
    if (protection.isEmpty()) {
      await(redis.send(Request.cmd(Command.DEL).arg(key)));
      return;
    }
    Protection p = protection.get();
    // kept until it ends, counted from when it was switched on, and at least a moment
    long ttl = Math.max(1, p.until() - p.since());
    await(redis.send(Request.cmd(Command.SET).arg(key).arg(p.toJson().encode()).arg("PX").arg(ttl)));
  }

  /** One MGET for all the targets. */
  @Override
  public List<Optional<Protection>> protections(List<String> targets, long now) {
    if (targets.isEmpty()) {
      // MGET needs a key
      return List.of();
    }
    Request mget = Request.cmd(Command.MGET);
    targets.forEach(target -> mget.arg(key("pileon-protection", target)));
    Response r = await(redis.send(mget));
    List<Optional<Protection>> out = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      out.add(Optional.ofNullable(r.get(i)).map(v -> Protection.fromJson(new JsonObject(v.toString())))
          .filter(p -> p.activeAt(now)));
    }
    return out;
  }

  @Override
  public void addEvidence(String target, EvidenceEntry entry, Duration retention, int cap) {
    await(EVIDENCE.run(redis, List.of(key("pileon-evidence", target)), List.of(Long.toString(entry.at()),
        entry.toJson().encode(), Long.toString(retention.toMillis()), Integer.toString(cap))));
  }

  @Override
  public List<EvidenceEntry> evidence(String target, long from, long to, int limit) {
    Response r = await(redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(key("pileon-evidence", target))
        .arg(from).arg("(" + to).arg("LIMIT").arg(0).arg(limit)));
    List<EvidenceEntry> out = new ArrayList<>(r.size());
    r.forEach(member -> out.add(EvidenceEntry.fromJson(new JsonObject(member.toString()))));
    return out;
  }

  /**
   * Deletes the user's own keys in one script, then finds every window and evidence key with SCAN
   * and drops the user's members of each in a script per key (atomic per key, as every write is).
   */
  @Override
  public int forget(String user) {
    int erased = await(FORGET_TARGET.run(redis, TARGET_KINDS.stream().map(kind -> key(kind, user)).toList(), List.of()))
        .toInteger();
    for (String kind : List.of("pileon-hits", "pileon-evidence")) {
      for (String found : RedisScan.keys(r -> await(redis.send(r)), RedisScan.glob(prefix + kind + ":") + "*")) {
        erased += await(FORGET_AUTHOR.run(redis, List.of(found), List.of(kind, user))).toInteger();
      }
    }
    return erased;
  }

  @Override
  public boolean mayBlock() {
    return true;
  }

  @Override
  public void close() {
    await(redis.close());
  }

  private String key(String kind, String target) {
    return prefix + kind + ":" + target;
  }

  private <T> T await(Future<T> future) {
    return StateUnavailableException.awaitRedis(future, timeout);
  }
}
