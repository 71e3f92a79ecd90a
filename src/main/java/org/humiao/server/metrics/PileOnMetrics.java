package org.humiao.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.pileon.EmbeddedPileOnStore;
import org.humiao.pileon.PileOnStore;

/**
 * The embedded pile-on store's bound, watched: targets tracked ({@code humiao_pileon_targets}) and
 * targets dropped because pileOnMaxTargets were tracked ({@code humiao_pileon_targets_dropped_total}).
 * Redis bounds its keys by expiry, and its memory is Redis's to watch.
 */
public final class PileOnMetrics {
  private PileOnMetrics() {}

  public static void register(MeterRegistry registry, PileOnStore store) {
    if (!(store instanceof EmbeddedPileOnStore embedded)) {
      return;
    }
    Gauge.builder("humiao.pileon.targets", embedded, EmbeddedPileOnStore::size)
        .description("pile-on targets tracked in memory")
        .register(registry);
    FunctionCounter.builder("humiao.pileon.targets.dropped", embedded, EmbeddedPileOnStore::evicted)
        .description("pile-on targets dropped, least recently touched first, because pileOnMaxTargets were tracked")
        .register(registry);
  }
}
