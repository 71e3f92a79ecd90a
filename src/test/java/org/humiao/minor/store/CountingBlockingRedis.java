package org.humiao.minor.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A blocking Redis client that counts its round trips (each {@code call} is one) and the characters
 * of the strings Redis answers, as {@link CountingRedis} does for the Vert.x client.
 */
public final class CountingBlockingRedis implements BlockingRedis {
  private final BlockingRedis client;
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicLong answered = new AtomicLong();

  public CountingBlockingRedis(BlockingRedis client) {
    this.client = client;
  }

  /** The round trips since the last call of this method. */
  public int taken() {
    return roundTrips.getAndSet(0);
  }

  /** The characters of the strings answered since the last call of this method. */
  public long answeredBytes() {
    return answered.getAndSet(0);
  }

  private static long characters(Reply r) {
    if (r == null) {
      return 0;
    }
    return switch (r.kind()) {
      case ARRAY -> {
        long sum = 0;
        for (Reply element : r) {
          sum += characters(element);
        }
        yield sum;
      }
      case STRING, STATUS -> r.text().length();
      case NUMBER -> 0;
    };
  }

  @Override
  public Reply call(List<String> command) {
    roundTrips.incrementAndGet();
    Reply answer = client.call(command);
    answered.addAndGet(characters(answer));
    return answer;
  }

  @Override
  public void close() {
    client.close();
  }
}
