package org.humiao.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.http.screen.EngineSlot;
import org.humiao.screening.semantic.SemanticTier;

import java.util.Locale;

/**
 * The semantic tier's work: {@code humiao_semantic_encoded_total} (texts it judged) and
 * {@code humiao_semantic_skipped_total{cause=...}} (texts it should have judged whose fast verdict
 * stood instead, by {@link SemanticTier.Skip}), and {@code humiao_semantic_segments_left_out_total}
 * (segments of long texts past the tier's cap, not encoded), {@code humiao_semantic_encoder_busy_seconds_total}
 * (time in the encoder: its rate is the share of a core the tier takes), and its start-up warm-up:
 * {@code humiao_semantic_warmed_up_total} texts in {@code humiao_semantic_warm_up_seconds}. Read from the loaded engine at each scrape; zero while
 * it loads or when the tier is off.
 */
public final class SemanticTierMetrics {
  private SemanticTierMetrics() {}

  public static void register(MeterRegistry registry, EngineSlot engine) {
    FunctionCounter.builder("humiao.semantic.encoded", engine, e -> stats(e).map(s -> (double) s.ran()).orElse(0.0))
        .description("texts the semantic tier judged")
        .register(registry);
    FunctionCounter.builder("humiao.semantic.segments.left.out", engine,
            e -> stats(e).map(s -> (double) s.segmentsLeftOut()).orElse(0.0))
        .description("segments of long texts the semantic tier did not read, past segments.semantic-max: their n-gram scores stood")
        .register(registry);
    FunctionCounter.builder("humiao.semantic.warmed.up", engine, e -> stats(e).map(s -> (double) s.warmedUp()).orElse(0.0))
        .description("texts the semantic tier's encoder ran at start-up, before the service reported ready")
        .register(registry);
    Gauge.builder("humiao.semantic.warm.up", engine, e -> stats(e).map(s -> s.warmUpNanos() / 1e9).orElse(0.0))
        .description("time the semantic tier's warm-up added to start-up")
        .baseUnit("seconds")
        .register(registry);
    FunctionCounter.builder("humiao.semantic.encoder.busy", engine, e -> stats(e).map(s -> s.busyNanos() / 1e9).orElse(0.0))
        .description("time the semantic tier's workers spent in the encoder, warm-up included: its rate is the share of a core the tier takes")
        .baseUnit("seconds")
        .register(registry);
    for (SemanticTier.Skip cause : SemanticTier.Skip.values()) {
      FunctionCounter.builder("humiao.semantic.skipped", engine,
              e -> stats(e).map(s -> (double) s.skipped().getOrDefault(cause, 0L)).orElse(0.0))
          .tag("cause", cause.name().toLowerCase(Locale.ROOT))
          .description("texts the semantic tier should have judged whose fast verdict stood: refused at once (queue full, budget), or admitted and not done in time (late), or the encoder failed")
          .register(registry);
    }
  }

  private static java.util.Optional<SemanticTier.Stats> stats(EngineSlot engine) {
    return engine.loaded().flatMap(e -> e.semanticStats());
  }
}
