package org.humiao.http.minor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code humiao_minor_decisions_total{route,allowed,reason}}: one count per minor-mode answer, by
 * its route, whether it allowed what was asked ({@code none} for answers that allow nothing, such
 * as an attestation) and its reason code ({@code none} without one). Reason codes are the code's
 * fixed vocabulary, so the label set stays small.
 */
final class MinorDecisionMetrics {
  private static final String NAME = "humiao.minor.decisions";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  MinorDecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String route, JsonObject answer) {
    String allowed = answer.getValue("allowed") instanceof Boolean b ? b.toString() : "none";
    String reason = answer.getValue("reason") instanceof String s ? s : "none";
    counters.computeIfAbsent(route + '\0' + allowed + '\0' + reason, k -> Counter.builder(NAME)
            .description("minor-mode answers by route, whether allowed, and reason code")
            .tag("route", route)
            .tag("allowed", allowed)
            .tag("reason", reason)
            .register(registry))
        .increment();
  }
}
