package org.humiao.http.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.screening.ScreeningResult;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code humiao_screen_decisions_total{decision,category}}: one count per screened text, under its
 * decision and its strongest category ({@code none} when nothing was found), so the counts add up
 * to the texts screened.
 */
final class DecisionMetrics {
  private static final String NAME = "humiao.screen.decisions";

  private final MeterRegistry registry;
  /** By decision and category id: a few dozen, looked up per text rather than built per text. */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ScreeningResult result) {
    String decision = result.decision().id();
    String category = result.categories().isEmpty() ? "none" : result.categories().get(0).category().id();
    counters.computeIfAbsent(decision + '\0' + category, k -> Counter.builder(NAME)
            .description("screened texts by decision and strongest category")
            .tag("decision", decision)
            .tag("category", category)
            .register(registry))
        .increment();
  }
}
