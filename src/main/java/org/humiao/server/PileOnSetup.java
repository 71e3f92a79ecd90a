package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.humiao.config.Settings;
import org.humiao.pileon.EmbeddedPileOnStore;
import org.humiao.pileon.PileOnPolicy;
import org.humiao.pileon.PileOnStore;
import org.humiao.pileon.RedisPileOnStore;

import java.time.Duration;
import java.util.Optional;

/**
 * Pile-on tracking's policy and its store for the profile: in memory (bounded) for the embedded
 * profile, in Redis for the cluster, so a pile-on spread over instances is counted once.
 */
record PileOnSetup(PileOnPolicy policy, PileOnStore store) implements AutoCloseable {

  /** Empty when the policy directory has no pileon.json: tracking is off. */
  static Optional<PileOnSetup> open(Settings settings, Vertx vertx) {
    return PileOnPolicy.load(settings.policies()).map(policy -> new PileOnSetup(policy, switch (settings.profile()) {
      case EMBEDDED -> new EmbeddedPileOnStore(settings.pileOnMaxTargets());
      case CLUSTER -> new RedisPileOnStore(Redis.createClient(vertx, new RedisOptions()
          .setConnectionString(settings.redisUri())
          .setMaxPoolSize(settings.effectiveWorkerThreads())
          .setMaxPoolWaiting(settings.maxInFlight())),
          settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    }));
  }

  @Override
  public void close() {
    store.close();
  }
}
