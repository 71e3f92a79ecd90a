package org.humiao.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.screening.ScreeningResult;

/**
 * {@code humiao_screen_decisions_total{decision,category}}: one count per screened text, under its
 * decision and its strongest category ({@code none} when nothing was found), so the counts add up
 * to the texts screened.
 */
final class DecisionMetrics {
  private static final String NAME = "humiao.screen.decisions";

  private final MeterRegistry registry;

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ScreeningResult result) {
    String category = result.categories().isEmpty() ? "none" : result.categories().get(0).category().id();
    Counter.builder(NAME)
        .description("screened texts by decision and strongest category")
        .tag("decision", result.decision().id())
        .tag("category", category)
        .register(registry)
        .increment();
  }
}
