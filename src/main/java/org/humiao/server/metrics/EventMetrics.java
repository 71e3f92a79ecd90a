package org.humiao.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.events.ViolationEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code humiao_events_total{kind,category}}: violation events this instance recorded, counted
 * where they are journaled, so instances of a cluster add up (the views, fed from Kafka, see
 * every instance's events). Kinds and categories are fixed vocabularies.
 */
public final class EventMetrics implements Consumer<ViolationEvent> {
  private static final String NAME = "humiao.events";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(ViolationEvent event) {
    String kind = event.kind().id();
    counters.computeIfAbsent(kind + '\0' + event.category(), k -> Counter.builder(NAME)
            .description("violation events recorded by kind and category")
            .tag("kind", kind)
            .tag("category", event.category())
            .register(registry))
        .increment();
  }
}
