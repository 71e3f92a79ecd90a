package org.humiao.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How far behind the HTTP event loops run now, the most of any loop's {@link EventLoopDelayProbe}:
 * with short texts screened on the loops, their backlog is the load that saturates the service, and
 * a request in flight there counts only while it runs, so no count of requests sees it
 * ({@code humiao_event_loop_lag_seconds}).
 */
public final class EventLoopLag {
  private final MeterRegistry registry;
  private final List<EventLoopDelayProbe> probes = new CopyOnWriteArrayList<>();

  public EventLoopLag(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("humiao.event.loop.lag", this, lag -> lag.lagNanos(System.nanoTime()) / 1e9)
        .description("how far behind the most behind HTTP event loop runs now: its last probe's lateness, or how overdue its armed probe is")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Starts a probe on the calling event loop, counted here until {@link #stop stopped}. */
  public EventLoopDelayProbe start(Vertx vertx, long intervalMillis) {
    EventLoopDelayProbe probe = new EventLoopDelayProbe(vertx, registry, intervalMillis);
    probe.start();
    probes.add(probe);
    return probe;
  }

  public void stop(EventLoopDelayProbe probe) {
    probe.stop();
    probes.remove(probe);
  }

  public long lagNanos(long now) {
    long most = 0;
    for (EventLoopDelayProbe probe : probes) {
      most = Math.max(most, probe.lagNanos(now));
    }
    return most;
  }

  /** {@link #lagNanos} now, in microseconds, at most {@link Integer#MAX_VALUE}: the tier's yield reads it. */
  public int lagMicros() {
    return (int) Math.min(Integer.MAX_VALUE, lagNanos(System.nanoTime()) / 1000);
  }
}
