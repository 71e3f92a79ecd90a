package org.humiao.http.regulator;

import org.humiao.http.BodyFields;
import org.humiao.http.WorkerPool;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.LiveEvents;
import org.humiao.events.summary.RecentEvents;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /v1/regulator/stream}: every event journaled from now on that passes the listing
 * filter (and the key's platform scope), as Server-Sent Events whose id is the journal offset. A
 * {@code Last-Event-ID} first replays what the stream missed, as far as the ring of recent events
 * reaches. One {@link StreamSubscriber} per open stream; {@link #closeAll()} ends them when the
 * server stops, so a graceful shutdown does not wait on streams that never end by themselves.
 */
public final class EventStream {
  public static final String LAST_EVENT_ID = "Last-Event-ID";
  /** Often enough that proxies and browsers keep an idle stream open (many cut at 30–60 s). */
  private static final long HEARTBEAT_MILLIS = 15_000;

  private final LiveEvents live;
  private final RecentEvents recent;
  private final WorkerPool pool;
  private final Counter dropped;
  private final Set<StreamSubscriber> open = ConcurrentHashMap.newKeySet();

  public EventStream(LiveEvents live, RecentEvents recent, WorkerPool pool, MeterRegistry registry) {
    this.live = live;
    this.recent = recent;
    this.pool = pool;
    this.dropped = Counter.builder("humiao.stream.dropped")
        .description("live event streams closed because their client fell behind")
        .register(registry);
    Gauge.builder("humiao.stream.subscribers", open, Set::size)
        .description("open live event streams")
        .register(registry);
  }

  public void handle(RoutingContext ctx) {
    EventFilter filter = QueryParams.eventFilter(ctx);
    Long lastEventId = lastEventId(ctx);
    HttpServerResponse response = ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        // a proxy that buffers would hold the events back
        .putHeader("X-Accel-Buffering", "no")
        .setChunked(true);
    StreamSubscriber subscriber = new StreamSubscriber(ctx.vertx(), response, filter, dropped, open::remove);
    open.add(subscriber);
    subscriber.start(live, HEARTBEAT_MILLIS);
    if (lastEventId != null) {
      subscriber.replay(pool.submit(() -> recent.after(lastEventId, filter, StreamSubscriber.MAX_HELD)));
    }
  }

  private static Long lastEventId(RoutingContext ctx) {
    String value = ctx.request().getHeader(LAST_EVENT_ID);
    if (value == null) {
      return null;
    }
    try {
      long offset = Long.parseLong(value.trim());
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // answered below, as a negative offset is
    }
    throw BodyFields.invalid(LAST_EVENT_ID, "an event id (journal offset) of this stream");
  }

  /** Ends every open stream; for the server's shutdown. */
  public void closeAll() {
    List.copyOf(open).forEach(StreamSubscriber::close);
  }
}
