package org.humiao.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps idle and slow clients from holding the server's connections: at most {@code
 * maxConnections} are open (one more is closed at once, unanswered), and an HTTP/1.x connection
 * must send its next request's headers within {@code readTimeoutMs} of its previous answer, or it
 * is closed: a client trickling header bytes would otherwise hold it for ever. Vert.x shows a
 * connection only once its first request's headers are in (it must first tell HTTP/1.x from
 * HTTP/2), so until then only the server's idle timeout bounds it. Told of every connection and,
 * first in the router, of every request; each server instance (event loop) has a guard of its own,
 * so no lock, and the guards share one count of open connections for the limit.
 */
final class ConnectionGuard implements PlatformHandler {
  private final Vertx vertx;
  private final int maxConnections;
  private final long readTimeoutMillis;
  private final Map<HttpConnection, Watch> open = new HashMap<>();
  /** Every instance's open connections; the limit may be passed by one per other loop racing it, no more. */
  private final AtomicInteger openEverywhere;

  /** A connection's requests in progress and, while it has none, the timer that closes it. */
  private static final class Watch {
    int inProgress;
    long timer = -1;
  }

  ConnectionGuard(Vertx vertx, int maxConnections, long readTimeoutMillis, AtomicInteger openEverywhere) {
    this.vertx = vertx;
    this.openEverywhere = openEverywhere;
    this.maxConnections = maxConnections;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** The server's connection handler. */
  void opened(HttpConnection connection) {
    if (openEverywhere.get() >= maxConnections) {
      connection.close();
      return;
    }
    Watch watch = new Watch();
    open.put(connection, watch);
    openEverywhere.incrementAndGet();
    connection.closeHandler(closed -> {
      openEverywhere.decrementAndGet();
      vertx.cancelTimer(open.remove(connection).timer);
    });
  }

  /** A request whose headers have arrived. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    Watch watch = open.get(connection);
    if (watch != null) {
      vertx.cancelTimer(watch.timer);
      watch.inProgress++;
      // HTTP/2 multiplexes: the idle timeout watches its quiet spells, not this.
      boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
      ctx.addEndHandler(done -> {
        if (--watch.inProgress == 0 && http1 && open.get(connection) == watch) {
          watch.timer = vertx.setTimer(readTimeoutMillis, fired -> connection.close());
        }
      });
    }
    ctx.next();
  }

}
