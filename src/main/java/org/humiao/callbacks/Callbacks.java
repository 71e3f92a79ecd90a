package org.humiao.callbacks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Registering a platform's callback: the first registration, and every rotation, makes a new
 * secret (256 random bits), which the answer shows that once; changing only the URL keeps it.
 * Calls block when the store does (Redis, a forced file).
 */
public final class Callbacks implements AutoCloseable {
  private static final int SECRET_BYTES = 32;

  private final CallbackStore store;
  private final SecureRandom random;
  private final Clock clock;

  public Callbacks(CallbackStore store, SecureRandom random, Clock clock) {
    this.store = store;
    this.random = random;
    this.clock = clock;
  }

  /**
   * What a registration answers: the callback, and its secret when this call made it.
   *
   * @param newSecret present when the secret was made by this call, the only time it is shown
   */
  public record Registration(Callback callback, Optional<String> newSecret) {}

  /** @param url checked by {@link CallbackUrl#problem} first */
  public Registration register(String platform, String url, boolean rotateSecret) {
    CallbackUrl.problem(url).ifPresent(p -> {
      throw new IllegalArgumentException("url: " + p);
    });
    Instant now = clock.instant();
    Optional<Callback> before = store.get(platform);
    Callback after;
    Optional<String> secret = Optional.empty();
    if (before.isPresent() && !rotateSecret) {
      after = new Callback(url, before.get().secret(), now, before.get().secretSince());
    } else {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      secret = Optional.of(HexFormat.of().formatHex(bytes));
      after = new Callback(url, secret.get(), now, now);
    }
    store.put(platform, after);
    return new Registration(after, secret);
  }

  public Optional<Callback> get(String platform) {
    return store.get(platform);
  }

  /** True when the platform had one: its queued alerts are dropped when their turn comes. */
  public boolean delete(String platform) {
    return store.delete(platform);
  }

  @Override
  public void close() {
    store.close();
  }
}
