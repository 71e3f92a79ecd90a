package org.humiao.server;

import org.humiao.config.Settings;
import org.humiao.screening.CostCaps;
import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.TextLimits;
import org.humiao.screening.semantic.BgeEncoder;
import org.humiao.screening.semantic.Encoder;
import org.humiao.screening.semantic.SemanticTier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The screening engine as the settings describe it: lexicons, limits and the repost cache, and
 * the semantic tier on its own bounded pool when {@code semanticTier} is on (its model comes from
 * the BGE jar on the classpath, never from the network).
 */
public final class EngineFactory {
  /** ONNX threads per encoder call: each worker gets one, so the tier never takes more cores than it has workers. */
  private static final int INTRA_OP_THREADS = 1;
  /** Longer texts are cut: their tail rarely changes the verdict, and the cost grows with length. */
  public static final int MAX_TOKENS = 128;
  /**
   * What the service's encoder runs before it reports ready, a chat line of 11 characters repeated to
   * the lengths texts come in, up to the encoder's cut: the first runs pay ONNX's allocations and the
   * JIT, and admission learns the cost per character from the rest.
   */
  private static final List<String> WARM_UP_TEXTS = IntStream.of(1, 1, 2, 2, 4, 4, 8, 12)
      .mapToObj("周末一起去图书馆复习吧"::repeat).toList();
  /** The most the warm-up may add to start-up; a slower encoder stops it there and its first callers pay the rest. */
  private static final Duration WARM_UP_MAX = Duration.ofSeconds(3);

  private EngineFactory() {}

  /** @param clock "today" for the personal-information rules */
  public static ScreeningEngine create(Settings settings, Clock clock) {
    return create(settings, clock, () -> BgeEncoder.load(INTRA_OP_THREADS, MAX_TOKENS), true);
  }

  /**
   * The engine of a file command: as {@link #create}, but the sentence encoder loads with the
   * first text the semantic tier takes and HanLP's dictionaries with the first segmentation (no
   * warm-up), so a run none of whose texts need them never loads them.
   */
  public static ScreeningEngine forFiles(Settings settings, Clock clock) {
    return create(settings, clock, () -> BgeEncoder.lazy(INTRA_OP_THREADS, MAX_TOKENS), false);
  }

  private static ScreeningEngine create(Settings settings, Clock clock, Supplier<Encoder> encoder, boolean warmUp) {
    ScreeningEngine.Builder builder = ScreeningEngine.builder(settings.lexicons(), clock).warmUp(warmUp)
        .reposts(new RepostGuard(settings.repostCacheSize(), Duration.ofHours(settings.repostTtlHours())))
        .limits(new TextLimits(settings.maxTextLength()))
        .caps(new CostCaps(settings.maxSegmentationsPerText(), Duration.ofMillis(settings.textBudgetMs())));
    settings.lexiconCache().ifPresent(builder::lexiconCache);
    if (settings.semanticTier()) {
      SemanticTier tier = new SemanticTier(encoder.get(),
          new SemanticTier.Settings(settings.semanticWorkers(), settings.semanticQueue(), 1));
      if (warmUp) {
        tier.warmUp(WARM_UP_TEXTS, WARM_UP_MAX.toNanos());
      }
      builder.semanticTier(tier);
    }
    return builder.build();
  }
}
