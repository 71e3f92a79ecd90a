package org.humiao.server.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loops' lag, which the semantic tier yields to: a request that waited on its loop behind
 * the work ahead of it sees the loop behind by that long, and a loop that has caught up is seen calm.
 */
class EventLoopLagTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aRequestBehindABacklogOnItsLoopSeesTheLoopBehind() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      EventLoopLag lag = new EventLoopLag(new SimpleMeterRegistry());
      Context loop = vertx.getOrCreateContext();
      CompletableFuture<Long> seen = new CompletableFuture<>();
      loop.runOnContext(v -> {
        lag.start(vertx, 10);
        // 300 ms of work ahead (requests screened on this loop), then the request that asks
        loop.runOnContext(w -> busy(300 * MS));
        loop.runOnContext(w -> seen.complete(lag.lagNanos(System.nanoTime())));
      });
      long behind = seen.get(10, TimeUnit.SECONDS);
      assertTrue(behind >= 250 * MS, "seen " + behind / MS + " ms behind");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (lag.lagMicros() >= 50_000 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertTrue(lag.lagMicros() < 50_000, "still " + lag.lagMicros() + " us behind after catching up");
    } finally {
      vertx.close().await();
    }
  }

  /** Holds the loop as screening does: working, not sleeping. */
  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
