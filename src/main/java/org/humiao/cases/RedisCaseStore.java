package org.humiao.cases;

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
import java.util.List;
import java.util.Optional;

/**
 * The cases of the cluster profile, in Redis, so every instance reads and changes the same ones:
 * a hash per case ({@code prefix + "case:" + id}: its JSON and version, the length of its history)
 * and a sorted set of case ids by opening time ({@code prefix + "cases"}). A step is made in Java
 * on the case as read and written by a script only if the case is still at that version (else
 * read again and retried), so concurrent steps from two instances are ordered, none lost. Cases
 * never expire. A Redis that fails or does not answer within {@code timeout} is a {@link
 * StateUnavailableException}, as for minor-mode state.
 */
public final class RedisCaseStore implements CaseStore {
  private static final RedisScript OPEN = RedisScript.load("case-open");
  private static final RedisScript ACT = RedisScript.load("case-act");
  private static final RedisScript ALL = RedisScript.load("case-all");
  /** Steps lost to another writer before giving up; two regulators on one case rarely collide twice. */
  private static final int ATTEMPTS = 5;

  private final Redis redis;
  private final String prefix;
  private final Duration timeout;

  /**
   * @param redis the client, closed with the store
   * @param prefix put before every key, as the minor-mode store's {@code redisPrefix}
   */
  public RedisCaseStore(Redis redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeout = timeout;
  }

  @Override
  public MandatoryCase open(MandatoryCase opening) {
    Response stored = run(OPEN, List.of(caseKey(opening.id()), index()), opening.toJson().encode(),
        Integer.toString(opening.version()), Long.toString(opening.opened().toEpochMilli()), opening.id());
    return MandatoryCase.fromJson(new JsonObject(stored.toString()));
  }

  @Override
  public Optional<MandatoryCase> find(String id) {
    Response doc = await(redis.send(Request.cmd(Command.HGET).arg(caseKey(id)).arg("doc")));
    return Optional.ofNullable(doc).map(d -> MandatoryCase.fromJson(new JsonObject(d.toString())));
  }

  @Override
  public List<MandatoryCase> all() {
    List<MandatoryCase> all = new ArrayList<>();
    for (Response doc : run(ALL, List.of(index()), prefix + "case:")) {
      if (doc != null) {
        all.add(MandatoryCase.fromJson(new JsonObject(doc.toString())));
      }
    }
    return all;
  }

  @Override
  public MandatoryCase act(String id, CaseAction action) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      MandatoryCase current = find(id)
          .orElseThrow(() -> new CaseException(CaseException.Problem.NOT_FOUND, "no case " + id));
      MandatoryCase next = current.then(action);
      long written = run(ACT, List.of(caseKey(id)), Integer.toString(current.version()),
          Integer.toString(next.version()), next.toJson().encode()).toLong();
      if (written == 1) {
        return next;
      }
      if (written < 0) {
        throw new CaseException(CaseException.Problem.NOT_FOUND, "no case " + id);
      }
    }
    throw new CaseException(CaseException.Problem.CONFLICT, "case " + id + " changed under " + ATTEMPTS
        + " attempts; read it again");
  }

  private String caseKey(String id) {
    return prefix + "case:" + id;
  }

  private String index() {
    return prefix + "cases";
  }

  private Response run(RedisScript script, List<String> keys, String... args) {
    return await(script.run(redis, keys, List.of(args)));
  }

  private <T> T await(Future<T> future) {
    return StateUnavailableException.awaitRedis(future, timeout);
  }


  @Override
  public void close() {
    redis.close();
  }
}
