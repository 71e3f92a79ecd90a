package org.humiao.server;

import org.humiao.callbacks.AlertSender;
import org.humiao.callbacks.CallbackStore;
import org.humiao.callbacks.Callbacks;
import org.humiao.callbacks.DeliveryPolicy;
import org.humiao.callbacks.FileCallbackStore;
import org.humiao.callbacks.RedisCallbackStore;
import org.humiao.config.Settings;
import org.humiao.pileon.EmbeddedPileOnStore;
import org.humiao.pileon.PileOnPolicy;
import org.humiao.pileon.PileOnStore;
import org.humiao.pileon.RedisPileOnStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Pile-on tracking's policy and its store for the profile: in memory (bounded) for the embedded
 * profile, in Redis for the cluster, so a pile-on spread over instances is counted once. With it,
 * the platforms' callbacks: registrations in the data dir or in Redis (every instance sends to the
 * URL registered last), and the alerts' outbox in each instance's data dir, since the one instance
 * that raises a level is the one that queues its alert (as it journals its event).
 */
record PileOnSetup(PileOnPolicy policy, PileOnStore store, Callbacks callbacks, AlertSender alerts)
    implements AutoCloseable {
  /** The alerts' outbox, in the data dir. */
  static final String OUTBOX_DIR = "callback-outbox";
  /** The embedded store's protections, in the data dir. */
  static final String STORE_DIR = "pileon";

  /** Empty when the policy directory has no pileon.json: tracking is off. */
  static Optional<PileOnSetup> open(Settings settings, SharedRedisClient redis, Clock clock) {
    Optional<PileOnPolicy> loaded = PileOnPolicy.load(settings.policies());
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    PileOnStore store = store(settings, redis, clock);
    CallbackStore registered = null;
    try {
      registered = switch (settings.profile()) {
        case EMBEDDED -> FileCallbackStore.open(settings.dataDir());
        case CLUSTER -> new RedisCallbackStore(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
      };
      AlertSender alerts = AlertSender.start(settings.dataDir().resolve(OUTBOX_DIR), registered, new DeliveryPolicy(
          Duration.ofMillis(settings.callbackTimeoutMs()), Duration.ofMillis(settings.callbackBackoffMs()),
          Duration.ofMillis(settings.callbackMaxBackoffMs()), Duration.ofHours(settings.callbackGiveUpHours())), clock);
      return Optional.of(new PileOnSetup(loaded.get(), store, new Callbacks(registered, new SecureRandom(), clock),
          alerts));
    } catch (IOException | RuntimeException e) {
      store.close();
      if (registered != null) {
        registered.close();
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** In memory, protections kept in the data dir (embedded), or all in Redis (cluster). */
  private static PileOnStore store(Settings settings, SharedRedisClient redis, Clock clock) {
    return switch (settings.profile()) {
      case EMBEDDED -> {
        try {
          yield EmbeddedPileOnStore.durable(settings.pileOnMaxTargets(), settings.dataDir().resolve(STORE_DIR),
              clock.millis());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open the pile-on protections in " + settings.dataDir(), e);
        }
      }
      case CLUSTER -> new RedisPileOnStore(redis.client(),
          settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  @Override
  public void close() {
    try {
      alerts.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try (callbacks) {
        store.close();
      }
    }
  }
}
