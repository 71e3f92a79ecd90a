package org.humiao.http.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.screening.Category;
import org.humiao.screening.Decision;
import org.humiao.screening.ScreeningResult;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code humiao_screen_decisions_total{decision,category}}: one count per screened text, under its
 * decision and its strongest category ({@code none} when nothing was found), so the counts add up
 * to the texts screened.
 */
final class DecisionMetrics {
  private static final String NAME = "humiao.screen.decisions";
  private static final String NONE = "none";
  /** One slot per category and one for {@code none}. */
  private static final int CATEGORY_SLOTS = Category.values().length + 1;

  private final MeterRegistry registry;
  /**
   * By decision and category, indexed by their ordinals: every text takes one, so an array read
   * rather than a key built and hashed per text. Registered on first use only, so /metrics lists
   * the pairs that occurred; two loops racing to register get the same counter from the registry.
   */
  private final AtomicReferenceArray<Counter> counters =
      new AtomicReferenceArray<>(Decision.values().length * CATEGORY_SLOTS);

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ScreeningResult result) {
    Category category = result.categories().isEmpty() ? null : result.categories().get(0).category();
    int slot = result.decision().ordinal() * CATEGORY_SLOTS + (category == null ? CATEGORY_SLOTS - 1 : category.ordinal());
    Counter counter = counters.get(slot);
    if (counter == null) {
      counter = Counter.builder(NAME)
          .description("screened texts by decision and strongest category")
          .tag("decision", result.decision().id())
          .tag("category", category == null ? NONE : category.id())
          .register(registry);
      counters.set(slot, counter);
    }
    counter.increment();
  }
}
