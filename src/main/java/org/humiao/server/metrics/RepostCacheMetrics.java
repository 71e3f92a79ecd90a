package org.humiao.server.metrics;

import org.humiao.http.screen.EngineSlot;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.screening.RepostGuard;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The repost fingerprints' Caffeine cache under Micrometer's cache meter names ({@code cache_gets_total{result=hit|miss}},
 * {@code cache_evictions_total}, {@code cache_size}, tagged {@code cache=repost}), so the usual cache dashboards read
 * them. Read from the loaded engine at each scrape; zero before it has loaded.
 */
public final class RepostCacheMetrics {
  private static final String CACHE = "repost";

  private RepostCacheMetrics() {}

  public static void register(MeterRegistry registry, EngineSlot engine) {
    counter(registry, engine, "cache.gets", "hit", "fingerprint bucket lookups that found a bucket", CacheStats::hitCount);
    counter(registry, engine, "cache.gets", "miss", "fingerprint bucket lookups that found none", CacheStats::missCount);
    counter(registry, engine, "cache.evictions", null, "fingerprint buckets evicted by size or age", CacheStats::evictionCount);
    Gauge.builder("cache.size", engine, e -> e.loaded().map(g -> (double) g.reposts().estimatedSize()).orElse(0.0))
        .tag("cache", CACHE)
        .description("fingerprint buckets held")
        .register(registry);
  }

  private static void counter(MeterRegistry registry, EngineSlot engine, String name, String result, String description,
      ToDoubleFunction<CacheStats> stat) {
    FunctionCounter.Builder<EngineSlot> builder = FunctionCounter.builder(name, engine,
            e -> stats(e).map(stat::applyAsDouble).orElse(0.0))
        .tag("cache", CACHE)
        .description(description);
    if (result != null) {
      builder.tag("result", result);
    }
    builder.register(registry);
  }

  private static Optional<CacheStats> stats(EngineSlot engine) {
    return engine.loaded().map(e -> e.reposts().stats());
  }
}
