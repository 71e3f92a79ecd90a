package org.humiao.http.guard;

import io.vertx.core.Vertx;

/**
 * One periodic timer per event loop that checks the read deadlines of its connections and
 * requests, instead of a timer set and cancelled for every request: on a busy loop those were a
 * few per cent of its time. A deadline is enforced up to a quarter of its length late (at most a
 * second), which is what a limit against trickling clients needs.
 */
final class DeadlineSweep {
  private DeadlineSweep() {}

  /** Runs {@code sweep} on the calling context every quarter of {@code timeoutMillis} (10 ms to 1 s). */
  static void every(Vertx vertx, long timeoutMillis, Runnable sweep) {
    vertx.setPeriodic(Math.max(10, Math.min(1000, timeoutMillis / 4)), id -> sweep.run());
  }
}
