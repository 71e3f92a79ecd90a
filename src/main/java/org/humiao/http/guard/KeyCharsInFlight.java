package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.keys.ApiKey;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code maxChars} characters of one key's texts being screened at once, answered 429
 * rate_limited beyond. Counted in characters, not requests: a platform's chat lines, hundreds at
 * once when the service hiccups, take a sliver of the share, while a key sending 5,000-character
 * texts runs only a couple of them at a time and cannot take the screening pool's threads from
 * the others. A request alone is always admitted, whatever its size (the batch limits bound it).
 */
public final class KeyCharsInFlight {
  private final long maxChars;
  private final ConcurrentHashMap<String, AtomicLong> inFlight = new ConcurrentHashMap<>();

  public KeyCharsInFlight(long maxChars) {
    this.maxChars = maxChars;
  }

  /** A key's admitted characters, given back once their screening has ended. */
  @FunctionalInterface
  public interface Share extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Admits {@code chars} more characters of the key's; call on the worker, around the screening.
   *
   * @throws ApiError rate_limited (Retry-After 1) when the key already screens as many as it may
   */
  public Share acquire(ApiKey key, long chars) {
    AtomicLong count = inFlight.computeIfAbsent(key.id(), id -> new AtomicLong());
    long after = count.addAndGet(chars);
    if (after > maxChars && after != chars) {
      count.addAndGet(-chars);
      throw new ApiError(ErrorCode.RATE_LIMITED, "at most " + maxChars
          + " characters of one key's texts are screened at once", 1);
    }
    return () -> count.addAndGet(-chars);
  }
}
