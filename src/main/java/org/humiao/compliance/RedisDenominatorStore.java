package org.humiao.compliance;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.minor.store.RedisScript;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster profile's denominators, in Redis, so the counts of every instance add up: a hash per
 * denominator and Beijing day ({@code prefix + "screened:" + day}, {@code prefix + "sessions:" + day}; field {@code platform\tregion}, value the count),
 * added to by HINCRBY in one script per flush (all of a day's fields or none). Counts never expire:
 * a day is a few fields per platform and region. A Redis that fails or does not answer within
 * {@code timeout} is a {@link StateUnavailableException}; the tally keeps the counts and retries.
 */
public final class RedisDenominatorStore implements DenominatorStore {
  private static final RedisScript ADD = RedisScript.load("denominator-add");

  private final Redis redis;
  private final String prefix;
  private final Duration timeout;
  private final Denominator denominator;

  /**
   * @param redis the client, closed with the store
   * @param prefix put before every key, as the other stores' {@code redisPrefix}
   */
  public RedisDenominatorStore(Redis redis, String prefix, Duration timeout, Denominator denominator) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeout = timeout;
    this.denominator = denominator;
  }

  @Override
  public Denominator denominator() {
    return denominator;
  }

  @Override
  public void add(Map<TallyKey, Long> counts) {
    LocalDate day = DenominatorStore.day(counts);
    if (day == null) {
      return;
    }
    List<String> args = new ArrayList<>(counts.size() * 2);
    counts.forEach((key, n) -> {
      args.add(key.field());
      args.add(Long.toString(n));
    });
    await(ADD.run(redis, List.of(dayKey(day)), args));
  }

  @Override
  public Map<TallyKey, Long> read(LocalDate from, LocalDate to) {
    List<Request> reads = new ArrayList<>();
    List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
    days.forEach(day -> reads.add(Request.cmd(Command.HGETALL).arg(dayKey(day))));
    List<Response> answers = await(redis.batch(reads));
    Map<TallyKey, Long> counts = new HashMap<>();
    for (int i = 0; i < days.size(); i++) {
      Response hash = answers.get(i);
      for (String field : hash.getKeys()) {
        counts.put(TallyKey.of(days.get(i), field), hash.get(field).toLong());
      }
    }
    return counts;
  }

  private String dayKey(LocalDate day) {
    return prefix + denominator.id + ":" + day;
  }

  private <T> T await(Future<T> future) {
    return StateUnavailableException.awaitRedis(future, timeout);
  }

  @Override
  public void close() {
    redis.close();
  }
}
