package org.humiao.minor.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Redis client that counts its round trips: each {@code send} and each {@code batch} (a
 * pipeline, written at once and answered at once) is one. A connection taken with {@code connect}
 * is not counted, so the stores under test must not use one. It also counts the bytes of the
 * strings Redis answers to {@code send}.
 */
public final class CountingRedis implements Redis {
  private final Redis client;
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicLong answered = new AtomicLong();

  public CountingRedis(Redis client) {
    this.client = client;
  }

  /** The round trips since the last call of this method. */
  public int taken() {
    return roundTrips.getAndSet(0);
  }

  /** The bytes of the strings answered to {@code send} since the last call of this method. */
  public long answeredBytes() {
    return answered.getAndSet(0);
  }

  private static long bytes(Response r) {
    if (r == null) {
      return 0;
    }
    return switch (r.type()) {
      case MULTI -> {
        long sum = 0;
        for (Response element : r) {
          sum += bytes(element);
        }
        yield sum;
      }
      case BULK -> r.toBytes().length;
      // a status answer (OK) holds no bulk bytes: toBytes() refuses it
      case SIMPLE -> r.toString().length();
      default -> 0;
    };
  }

  @Override
  public Future<RedisConnection> connect() {
    throw new UnsupportedOperationException("a connection's commands would not be counted");
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  @Override
  public Future<Response> send(Request request) {
    roundTrips.incrementAndGet();
    return client.send(request).onSuccess(r -> answered.addAndGet(bytes(r)));
  }

  @Override
  public Future<List<Response>> batch(List<Request> requests) {
    roundTrips.incrementAndGet();
    return client.batch(requests);
  }
}
