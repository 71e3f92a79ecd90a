package org.humiao.http.regulator;

import org.humiao.http.WorkerPool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.LiveEvents;
import org.humiao.events.summary.RecentEvents;
import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.http.guard.Authenticator;
import org.humiao.keys.ApiKey;
import org.humiao.keys.KeyRing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code GET /v1/regulator/stream}: every event journaled from now on that passes the listing
 * filter (and the key's platform scope), as Server-Sent Events whose id is the event's cursor. A
 * {@code Last-Event-ID} first replays what the stream missed, as far as the ring of recent events
 * reaches. One {@link StreamSubscriber} per open stream; {@link #closeAll()} ends them when the
 * server stops, so a graceful shutdown does not wait on streams that never end by themselves.
 *
 * <p>Streams are bounded: {@value #MAX_PER_KEY} per key and {@value #MAX_OPEN} in all (more get
 * 429 too_many_streams), each lives at most an hour (the client reconnects with its
 * Last-Event-ID), and a sweep every second closes the streams of keys no longer in the key ring,
 * so a revoked key stops hearing of events at the next key reload.
 */
public final class EventStream {
  public static final String LAST_EVENT_ID = "Last-Event-ID";
  /** Often enough that proxies and browsers keep an idle stream open (many cut at 30–60 s). */
  private static final long HEARTBEAT_MILLIS = 15_000;
  static final int MAX_PER_KEY = 4;
  static final int MAX_OPEN = 256;
  private static final long MAX_LIFETIME_MILLIS = 3_600_000;
  private static final long SWEEP_MILLIS = 1_000;

  private final LiveEvents live;
  private final RecentEvents recent;
  private final WorkerPool pool;
  private final EventCursors cursors;
  private final Counter dropped;
  private final Set<StreamSubscriber> open = ConcurrentHashMap.newKeySet();
  private final Vertx vertx;
  private final long sweep;

  /** @param keys the key ring as it is now; a stream whose key left it is closed */
  public EventStream(Vertx vertx, Supplier<KeyRing> keys, LiveEvents live, RecentEvents recent, WorkerPool pool,
      EventCursors cursors, MeterRegistry registry) {
    this.vertx = vertx;
    this.cursors = cursors;
    this.live = live;
    this.recent = recent;
    this.pool = pool;
    this.sweep = vertx.setPeriodic(SWEEP_MILLIS, id -> closeStale(keys.get()));
    this.dropped = Counter.builder("humiao.stream.dropped")
        .description("live event streams closed because their client fell behind")
        .register(registry);
    Gauge.builder("humiao.stream.subscribers", open, Set::size)
        .description("open live event streams")
        .register(registry);
  }

  public void handle(RoutingContext ctx) {
    EventFilter filter = QueryParams.eventFilter(ctx);
    ApiKey key = Authenticator.key(ctx);
    // checked, then added, on different event loops: the bounds may be passed by the few streams
    // opened in the same instant, never by many
    if (open.size() >= MAX_OPEN || open.stream().filter(s -> s.keyId().equals(key.id())).count() >= MAX_PER_KEY) {
      throw new ApiError(ErrorCode.TOO_MANY_STREAMS, "at most " + MAX_PER_KEY + " live streams per key and "
          + MAX_OPEN + " in all; close one first", 5);
    }
    String lastEventId = ctx.request().getHeader(LAST_EVENT_ID);
    Long after = lastEventId == null ? null : cursors.offset(lastEventId, key, LAST_EVENT_ID);
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        // a proxy that buffers would hold the events back
        .putHeader("X-Accel-Buffering", "no")
        .setChunked(true);
    StreamSubscriber subscriber = new StreamSubscriber(ctx.vertx(), response, filter, key.id(),
        offset -> cursors.of(offset, key), System.currentTimeMillis() + MAX_LIFETIME_MILLIS, dropped, open::remove);
    open.add(subscriber);
    subscriber.start(live, HEARTBEAT_MILLIS);
    if (after != null) {
      subscriber.replay(pool.submit(() -> recent.after(after, filter, StreamSubscriber.MAX_HELD)));
    }
  }

  private void closeStale(KeyRing ring) {
    long now = System.currentTimeMillis();
    Set<String> live = ring.keys().stream().map(ApiKey::id).collect(java.util.stream.Collectors.toSet());
    for (StreamSubscriber s : open) {
      if (now >= s.endsAt() || !live.contains(s.keyId())) {
        s.close();
      }
    }
  }

  /** What the stream's ids are; listings show the same cursors. */
  public EventCursors cursors() {
    return cursors;
  }

  /** Ends every open stream; for the server's shutdown. */
  public void closeAll() {
    vertx.cancelTimer(sweep);
    List.copyOf(open).forEach(StreamSubscriber::close);
  }
}
