package org.humiao.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.moderation.lists.PlatformLists;

import java.util.concurrent.TimeUnit;

/**
 * The platforms' own lists, watched without a series per platform: platforms with lists
 * ({@code humiao_lists_platforms}), their entries ({@code humiao_lists_entries}), overlay compiles
 * and their time ({@code humiao_lists_compile_seconds_count/_sum}) and the overlay cache's hits and
 * misses ({@code humiao_lists_overlay_cache_total{result}}), read from {@link PlatformLists#stats} at each scrape.
 */
public final class ListMetrics {
  private ListMetrics() {}

  public static void register(MeterRegistry registry, PlatformLists lists) {
    Gauge.builder("humiao.lists.platforms", lists, l -> l.stats().platforms())
        .description("platforms with at least one entry in their own block or allow list")
        .register(registry);
    Gauge.builder("humiao.lists.entries", lists, l -> l.stats().entries())
        .description("entries (block terms and allow phrases) of all platforms' own lists")
        .register(registry);
    FunctionTimer.builder("humiao.lists.compile", lists, l -> l.stats().compiles(), l -> l.stats().compileSeconds(),
            TimeUnit.SECONDS)
        .description("compiles of a platform's list overlay, and their time (on a screening worker)")
        .register(registry);
    FunctionCounter.builder("humiao.lists.overlay.cache", lists, l -> l.stats().cacheHits())
        .description("lookups of a compiled overlay, by result")
        .tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("humiao.lists.overlay.cache", lists, l -> l.stats().cacheMisses())
        .description("lookups of a compiled overlay, by result")
        .tag("result", "miss")
        .register(registry);
  }
}
