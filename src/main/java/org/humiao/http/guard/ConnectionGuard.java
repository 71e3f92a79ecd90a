package org.humiao.http.guard;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps idle and slow clients from holding the server's connections: at most {@code
 * maxConnections} are open (one more is closed at once, unanswered), and an HTTP/1.x connection
 * must send its next request's headers within {@code readTimeoutMs} of its previous answer, or it
 * is closed: a client trickling header bytes would otherwise hold it for ever. Vert.x shows a
 * connection only once its first request's headers are in (it must first tell HTTP/1.x from
 * HTTP/2), so until then only the server's idle timeout bounds it. Told of every connection and,
 * first in the router, of every request; each server instance (event loop) has a guard of its own,
 * so no lock, and the guards share one count of open connections for the limit. Idle connections
 * are found by a {@link DeadlineSweep}, not a timer per request.
 */
public final class ConnectionGuard implements PlatformHandler {
  private final int maxConnections;
  private final long readTimeoutNanos;
  private final Map<HttpConnection, Watch> open = new HashMap<>();
  /** Every instance's open connections; the limit may be passed by one per other loop racing it, no more. */
  private final AtomicInteger openEverywhere;

  /** A connection's requests in progress and, for HTTP/1.x while it has none, since when it is idle. */
  private static final class Watch {
    int inProgress;
    boolean http1;
    long idleSince = System.nanoTime();
  }

  /** Call on the event loop whose connections it guards. */
  public ConnectionGuard(Vertx vertx, int maxConnections, long readTimeoutMillis, AtomicInteger openEverywhere) {
    this.openEverywhere = openEverywhere;
    this.maxConnections = maxConnections;
    this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
    DeadlineSweep.every(vertx, readTimeoutMillis, this::sweep);
  }

  /** The server's connection handler. */
  public void opened(HttpConnection connection) {
    if (openEverywhere.get() >= maxConnections) {
      connection.close();
      return;
    }
    Watch watch = new Watch();
    open.put(connection, watch);
    openEverywhere.incrementAndGet();
    connection.closeHandler(closed -> {
      openEverywhere.decrementAndGet();
      open.remove(connection);
    });
  }

  /** A request whose headers have arrived. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    Watch watch = open.get(connection);
    if (watch != null) {
      watch.inProgress++;
      // HTTP/2 multiplexes: the idle timeout watches its quiet spells, not this.
      watch.http1 = ctx.request().version() != HttpVersion.HTTP_2;
      ctx.addEndHandler(done -> {
        if (--watch.inProgress == 0) {
          watch.idleSince = System.nanoTime();
        }
      });
    }
    ctx.next();
  }

  /** Closes the HTTP/1.x connections that have sent no request for the read timeout since their last answer. */
  private void sweep() {
    long now = System.nanoTime();
    List<HttpConnection> idle = new ArrayList<>();
    open.forEach((connection, watch) -> {
      if (watch.http1 && watch.inProgress == 0 && now - watch.idleSince > readTimeoutNanos) {
        idle.add(connection);
      }
    });
    idle.forEach(HttpConnection::close);
  }

}
