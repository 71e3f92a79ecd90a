package org.humiao.server;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's callback endpoint on a free loopback port: it keeps every POST it receives (headers
 * and body) and answers 503 to the first {@link #failNext} of them, 204 after.
 */
final class AlertReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(MultiMap headers, Buffer body, int answered) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();
  private final HttpServer server;

  AlertReceiver(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
      received.add(new Received(request.headers(), body, status));
      request.response().setStatusCode(status).end();
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/pileon";
  }

  /** The requests answered 2xx. */
  List<Received> accepted() {
    return received.stream().filter(r -> r.answered() / 100 == 2).toList();
  }

  /** Waits until {@code count} requests were accepted; fails after {@code seconds}. */
  List<Received> awaitAccepted(int count, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (accepted().size() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the receiver accepted " + accepted().size() + " of " + count + " alerts within "
            + seconds + " s; received " + received.size());
      }
      Thread.sleep(20);
    }
    return accepted();
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
