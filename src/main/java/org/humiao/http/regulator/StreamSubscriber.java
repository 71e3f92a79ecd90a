package org.humiao.http.regulator;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.LiveEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One open event stream. Batches arrive on the journal's writer thread and are handed to the
 * stream's event loop, where everything else happens, so no state is shared between threads.
 * A client that does not keep up is dropped, never buffered for: when the response's write
 * queue is full the stream is reset and counted, and the client may reconnect with
 * {@code Last-Event-ID}.
 */
final class StreamSubscriber {
  /** Most events replayed on reconnection, and most held while the replay is read. */
  static final int MAX_HELD = 1000;

  private final Vertx vertx;
  private final Context context;
  private final HttpServerResponse response;
  private final EventFilter filter;
  private final Counter dropped;
  private final Consumer<StreamSubscriber> closed;
  private final String keyId;
  private final LongFunction<String> cursors;
  private final long endsAt;
  private Runnable unsubscribe = () -> {};
  private long heartbeat = -1;
  private long lastSent = -1;
  /** Live events that came while a replay was read; null when none is. */
  private List<JournalEntry> held;
  private boolean done;

  /**
   * @param keyId the key that opened the stream; the stream ends when it is revoked
   * @param cursors the cursor of a journal offset as this stream's key sees it
   * @param endsAt the epoch millisecond the stream ends at, however busy
   */
  StreamSubscriber(Vertx vertx, HttpServerResponse response, EventFilter filter, String keyId,
                   LongFunction<String> cursors, long endsAt, Counter dropped, Consumer<StreamSubscriber> closed) {
    this.vertx = vertx;
    this.keyId = keyId;
    this.cursors = cursors;
    this.endsAt = endsAt;
    this.context = vertx.getOrCreateContext();
    this.response = response;
    this.filter = filter;
    this.dropped = dropped;
    this.closed = closed;
  }

  /**
   * Subscribes, then sends the headers and a first comment (a client that has it will hear of
   * every later event), then every live batch, and a heartbeat comment now and then.
   */
  void start(LiveEvents live, long heartbeatMillis) {
    response.closeHandler(gone -> stop());
    unsubscribe = live.subscribe(batch -> context.runOnContext(v -> deliver(batch)));
    heartbeat = vertx.setPeriodic(heartbeatMillis, id -> send(":\n\n"));
    send(": humiao live events\n\n");
  }

  /** Sends the events after {@code Last-Event-ID} before any live one, none twice. */
  void replay(Future<List<JournalEntry>> missed) {
    held = new ArrayList<>();
    missed.onComplete(read -> {
      List<JournalEntry> live = held;
      held = null;
      if (read.failed()) {
        // overloaded or the like: the client reconnects with the same Last-Event-ID
        close();
        return;
      }
      read.result().forEach(this::send);
      live.forEach(this::send);
    });
  }

  private void deliver(List<JournalEntry> batch) {
    if (done) {
      return;
    }
    for (JournalEntry entry : batch) {
      if (held == null) {
        send(entry);
      } else if (filter.test(entry.event())) {
        held.add(entry);
        if (held.size() > MAX_HELD) {
          drop();
          return;
        }
      }
    }
  }

  private void send(JournalEntry entry) {
    if (entry.offset() > lastSent && filter.test(entry.event())) {
      String cursor = cursors.apply(entry.offset());
      send("id: " + cursor + "\ndata: " + entry.event().toJson().put("cursor", cursor).encode() + "\n\n");
      lastSent = entry.offset();
    }
  }

  private void send(String frame) {
    if (done) {
      return;
    }
    if (response.writeQueueFull()) {
      drop();
      return;
    }
    response.write(frame);
  }

  private void drop() {
    dropped.increment();
    stop();
    response.reset();
  }

  String keyId() {
    return keyId;
  }

  long endsAt() {
    return endsAt;
  }

  /** Ends the stream as a server going down does; runs on the stream's event loop. */
  void close() {
    context.runOnContext(v -> {
      if (!done) {
        stop();
        response.end();
      }
    });
  }

  private void stop() {
    if (done) {
      return;
    }
    done = true;
    unsubscribe.run();
    vertx.cancelTimer(heartbeat);
    closed.accept(this);
  }
}
