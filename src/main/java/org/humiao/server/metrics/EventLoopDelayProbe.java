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

  public EventLoopDelayProbe(Vertx vertx, MeterRegistry registry, long intervalMillis) {
    this.vertx = vertx;
    this.intervalMillis = intervalMillis;
    this.delay = Timer.builder(NAME)
        .description("how late a timer on the HTTP event loop fires")
        .register(registry);
  }

  public void start() {
    long armedAt = System.nanoTime();
    timerId = vertx.setTimer(intervalMillis, id -> {
      long late = System.nanoTime() - armedAt - TimeUnit.MILLISECONDS.toNanos(intervalMillis);
      delay.record(Math.max(0, late), TimeUnit.NANOSECONDS);
      if (!stopped) {
        start();
      }
    });
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
  }
}
