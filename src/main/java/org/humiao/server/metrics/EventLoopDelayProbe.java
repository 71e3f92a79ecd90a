package org.humiao.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;

/**
 * Measures how late the event loop runs a timer: armed for {@code interval}, it records how long
 * past that it actually fired, then arms again. Anything blocking the loop (screening done in the
 * wrong place, a huge JSON) shows up here as {@code humiao_event_loop_delay_seconds}.
 * Must be started on the event loop it is to measure.
 */
public final class EventLoopDelayProbe {
  private static final String NAME = "humiao.event.loop.delay";

  private final Vertx vertx;
  private final long intervalMillis;
  private final Timer delay;
  private volatile boolean stopped;
  private long timerId;
  /** When the armed timer is due ({@link System#nanoTime()}), and how late the last one fired; read from any thread. */
  private volatile long dueAt;
  private volatile long lastLate;
  private volatile boolean armed;

  public EventLoopDelayProbe(Vertx vertx, MeterRegistry registry, long intervalMillis) {
    this.vertx = vertx;
    this.intervalMillis = intervalMillis;
    this.delay = Timer.builder(NAME)
        .description("how late a timer on the HTTP event loop fires")
        .register(registry);
  }

  public void start() {
    long armedAt = System.nanoTime();
    dueAt = armedAt + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    armed = true;
    timerId = vertx.setTimer(intervalMillis, id -> {
      long late = Math.max(0, System.nanoTime() - dueAt);
      lastLate = late;
      delay.record(late, TimeUnit.NANOSECONDS);
      if (!stopped) {
        start();
      }
    });
  }

  /**
   * How far behind the loop runs at {@code now}: how late its last timer fired, or, when the armed
   * one is due and has not fired yet (the loop busy with the requests ahead of it), how overdue it
   * is, whichever is more; 0 before the first arming and once stopped.
   */
  public long lagNanos(long now) {
    if (!armed || stopped) {
      return 0;
    }
    return Math.max(lastLate, now - dueAt);
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
  }
}
