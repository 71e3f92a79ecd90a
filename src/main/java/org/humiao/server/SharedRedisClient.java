package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.config.Settings;
import org.humiao.minor.store.StateUnavailableException;

import java.time.Duration;
import java.util.List;

/**
 * The one Redis client (a connection pool) of a cluster-profile instance, which every Redis-backed
 * store but minor mode's borrows: opened on the first {@link #client()}, so the embedded profile opens none, and
 * closed once by {@link #close()}, after the stores. A store's own close closes its borrowed view
 * only, which does nothing: its last writes still go out on the shared pool.
 */
final class SharedRedisClient implements AutoCloseable {
  /**
   * Connections beyond the screening workers' (each of which waits on at most one call): the review
   * queue, the lists' poll, cases, the tally's flush, callbacks, data-rights requests. The vert.x
   * client's default pool size, which each of them had alone before. Minor mode's store has blocking
   * connections of its own.
   */
  private static final int OTHER_CONNECTIONS = 6;

  private final Vertx vertx;
  private final Settings settings;
  private Redis client;

  SharedRedisClient(Vertx vertx, Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** The shared client, as a view whose close does nothing. */
  synchronized Redis client() {
    if (client == null) {
      client = Redis.createClient(vertx, new RedisOptions().setConnectionString(settings.redisUri())
          .setMaxPoolSize(settings.effectiveWorkerThreads() + OTHER_CONNECTIONS)
          .setMaxPoolWaiting(settings.maxInFlight()));
    }
    return new Borrowed(client);
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      StateUnavailableException.awaitRedis(client.close(), Duration.ofMillis(settings.redisTimeoutMs()));
    }
  }

  /** A store's handle on the shared pool: everything but close goes to the pool. */
  private record Borrowed(Redis pool) implements Redis {
    @Override
    public Future<RedisConnection> connect() {
      return pool.connect();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Response> send(Request request) {
      return pool.send(request);
    }

    @Override
    public Future<List<Response>> batch(List<Request> requests) {
      return pool.batch(requests);
    }
  }
}
