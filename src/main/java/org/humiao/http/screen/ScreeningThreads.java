package org.humiao.http.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;

/**
 * {@code humiao_screen_runs_total{part,thread}}: where each part of a single screen request ran, the
 * engine ({@code engine}) and the hooks after it ({@code hooks}: pile-on, events, review queue), on an
 * event loop or on a worker; so an operator sees what share {@link EventLoopScreening} keeps on the
 * loops, and a test sees the thread itself.
 */
final class ScreeningThreads {
  /** A part of the request, as the metric's tag names it. */
  enum Part {
    ENGINE("engine"), HOOKS("hooks");

    final String id;

    Part(String id) {
      this.id = id;
    }
  }

  private static final String NAME = "humiao.screen.runs";

  /** Built once: by part, then event loop (0) or worker (1). */
  private final Counter[][] counters = new Counter[Part.values().length][2];

  ScreeningThreads(MeterRegistry registry) {
    for (Part part : Part.values()) {
      counters[part.ordinal()][0] = counter(registry, part, "event_loop");
      counters[part.ordinal()][1] = counter(registry, part, "worker");
    }
  }

  /** Counts {@code part} as run on the calling thread. */
  void ran(Part part) {
    counters[part.ordinal()][Context.isOnEventLoopThread() ? 0 : 1].increment();
  }

  private static Counter counter(MeterRegistry registry, Part part, String thread) {
    return Counter.builder(NAME).description("parts of single screen requests by the thread they ran on")
        .tag("part", part.id).tag("thread", thread).register(registry);
  }
}
