package org.humiao.http.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.humiao.screening.Category;
import org.humiao.screening.CategoryScore;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The decision counters, looked up per text by slot, still count each text under its own decision and category. */
class DecisionMetricsTest {
  @Test
  void eachTextCountsUnderItsDecisionAndStrongestCategoryOnly() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DecisionMetrics metrics = new DecisionMetrics(registry);
    metrics.record(result(Decision.BLOCK, Category.INSULT, Category.THREAT));
    metrics.record(result(Decision.BLOCK, Category.INSULT));
    metrics.record(result(Decision.REVIEW, Category.INSULT));
    metrics.record(result(Decision.BLOCK, Category.THREAT));
    metrics.record(result(Decision.PASS));
    metrics.record(result(Decision.PASS));
    metrics.record(result(Decision.PASS));

    assertEquals(2, count(registry, "block", "insult"));
    assertEquals(1, count(registry, "review", "insult"));
    assertEquals(1, count(registry, "block", "threat"));
    assertEquals(3, count(registry, "pass", "none"));
    // only the pairs that occurred are registered
    assertNull(registry.find("humiao.screen.decisions").tags("decision", "review", "category", "threat").counter());
    assertEquals(4, registry.find("humiao.screen.decisions").counters().size());
  }

  private static double count(SimpleMeterRegistry registry, String decision, String category) {
    Counter counter = registry.find("humiao.screen.decisions").tags("decision", decision, "category", category).counter();
    return counter == null ? 0 : counter.count();
  }

  private static ScreeningResult result(Decision decision, Category... strongestFirst) {
    List<CategoryScore> categories = Arrays.stream(strongestFirst).map(c -> new CategoryScore(c, 3, 0.9)).toList();
    return new ScreeningResult(decision, Reason.TERM, categories, List.of(), "", 0, "v", List.of(Tier.FAST),
        OptionalDouble.empty());
  }
}
