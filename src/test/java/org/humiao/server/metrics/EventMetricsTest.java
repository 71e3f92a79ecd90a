package org.humiao.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.humiao.events.ViolationEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event counters, found per event by kind then category, still count each event under its own pair. */
class EventMetricsTest {
  @Test
  void eachEventCountsUnderItsKindAndCategory() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventMetrics metrics = new EventMetrics(registry);
    metrics.accept(event(ViolationEvent.Kind.TEXT_BLOCKED, "insult"));
    metrics.accept(event(ViolationEvent.Kind.TEXT_BLOCKED, "insult"));
    metrics.accept(event(ViolationEvent.Kind.TEXT_REVIEW, "insult"));
    metrics.accept(event(ViolationEvent.Kind.TEXT_BLOCKED, "threat"));
    metrics.accept(event(ViolationEvent.Kind.CURFEW_ATTEMPT, "curfew"));

    assertEquals(2, count(registry, "text_blocked", "insult"));
    assertEquals(1, count(registry, "text_review", "insult"));
    assertEquals(1, count(registry, "text_blocked", "threat"));
    assertEquals(1, count(registry, "curfew_attempt", "curfew"));
    assertEquals(4, registry.find("humiao.events").counters().size());
  }

  private static double count(SimpleMeterRegistry registry, String kind, String category) {
    Counter counter = registry.find("humiao.events").tags("kind", kind, "category", category).counter();
    return counter == null ? 0 : counter.count();
  }

  private static ViolationEvent event(ViolationEvent.Kind kind, String category) {
    return ViolationEvent.builder("p", kind).time(Instant.parse("2026-12-07T12:00:00Z")).category(category, 2).build();
  }
}
