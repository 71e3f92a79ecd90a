package org.humiao.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.events.ViolationEvent;

import java.util.EnumMap;
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
  /** By kind, then category: found per event without building a key (each flagged text makes one). */
  private final Map<ViolationEvent.Kind, Map<String, Counter>> counters = new EnumMap<>(ViolationEvent.Kind.class);

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (ViolationEvent.Kind kind : ViolationEvent.Kind.values()) {
      counters.put(kind, new ConcurrentHashMap<>());
    }
  }

  @Override
  public void accept(ViolationEvent event) {
    counters.get(event.kind()).computeIfAbsent(event.category(), category -> Counter.builder(NAME)
            .description("violation events recorded by kind and category")
            .tag("kind", event.kind().id())
            .tag("category", category)
            .register(registry))
        .increment();
  }
}
