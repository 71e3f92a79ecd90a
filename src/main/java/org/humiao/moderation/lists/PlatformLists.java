package org.humiao.moderation.lists;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.humiao.screening.LexiconOverlay;
import org.humiao.screening.ScreeningEngine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every platform's lists as this instance knows them, kept current by {@link #refresh} (each
 * second, on a worker: other instances' changes arrive within about a second) and by this
 * instance's own changes at once; and the compiled overlay the engine matches for a platform,
 * cached by platform, list version and lexicon version. A platform without lists costs a screen
 * one map miss. Store calls block: run everything but {@link #overlay}'s cache hit on a worker.
 */
public final class PlatformLists implements Closeable {
  /** Other instances' concurrent changes to one platform that a change waits out before it gives up. */
  private static final int ATTEMPTS = 20;
  /** An overlay of a superseded version is not asked for again; it goes once unused this long. */
  private static final Duration UNUSED = Duration.ofMinutes(10);

  private static final System.Logger LOG = System.getLogger(PlatformLists.class.getName());

  private final PlatformListStore store;
  private final ListLimits limits;
  /** The platforms with at least one entry, at their latest known version. */
  private final Map<String, PlatformEntries> active = new ConcurrentHashMap<>();
  /** Every platform's version as last read, so a refresh reads only what changed. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  /** One change at a time per platform within this instance; instances race only with each other. */
  private final Map<String, Object> changing = new ConcurrentHashMap<>();
  private final Cache<OverlayKey, LexiconOverlay> overlays = Caffeine.newBuilder().expireAfterAccess(UNUSED).recordStats()
      .build();
  private final LongAdder compiles = new LongAdder();
  private final LongAdder compileNanos = new LongAdder();

  private record OverlayKey(String platform, long version, String lexiconVersion) {}

  /**
   * Reads every platform's lists from {@code store}, which it owns (and closes). A store that does
   * not answer now (Redis still connecting) does not stop the start: the next {@link #refresh} reads them.
   */
  public PlatformLists(PlatformListStore store, ListLimits limits) {
    this.store = store;
    this.limits = limits;
    try {
      refresh();
    } catch (ListStoreUnavailableException e) {
      LOG.log(System.Logger.Level.WARNING, "platform lists not read at start, read again each second: " + e.getMessage());
    }
  }

  public ListLimits limits() {
    return limits;
  }

  /** The platform's lists, from the store (not this instance's copy, which may be a second behind). */
  public PlatformEntries read(String platform) {
    return store.read(platform);
  }

  /**
   * Applies one change on the platform's stored lists as a new version, retrying on a concurrent change.
   *
   * @throws InvalidEntriesException when the change does not fit the stored list (an absent entry
   *     removed, the limit passed); nothing is applied
   * @throws ListStoreUnavailableException when the store fails, or other changes keep coming first
   */
  public PlatformEntries change(String platform, ListEdit edit) {
    synchronized (changing.computeIfAbsent(platform, p -> new Object())) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        PlatformEntries next = edit.applyTo(store.read(platform));
        if (store.write(next)) {
          learn(next);
          return next;
        }
      }
    }
    throw new ListStoreUnavailableException("the lists of platform " + platform + " changed " + ATTEMPTS
        + " times while this change was being applied; send it again", null);
  }

  /** Reads the lists of every platform whose version changed since the last refresh. */
  public void refresh() {
    store.versions().forEach((platform, version) -> {
      if (!version.equals(seen.get(platform))) {
        learn(store.read(platform));
      }
    });
  }

  private synchronized void learn(PlatformEntries entries) {
    // a refresh that read an older version than this instance's own change must not undo it
    seen.merge(entries.platform(), entries.version(), Math::max);
    if (seen.get(entries.platform()) != entries.version()) {
      return;
    }
    if (entries.isEmpty()) {
      active.remove(entries.platform());
    } else {
      active.put(entries.platform(), entries);
    }
  }

  /**
   * The platform's overlay for {@code engine}'s lexicon version, compiled on first use (on the
   * calling worker thread) and cached; empty for a platform without lists.
   */
  public Optional<LexiconOverlay> overlay(String platform, ScreeningEngine engine) {
    PlatformEntries entries = platform == null ? null : active.get(platform);
    if (entries == null) {
      return Optional.empty();
    }
    return Optional.of(overlays.get(new OverlayKey(platform, entries.version(), engine.version()), k -> {
      long start = System.nanoTime();
      LexiconOverlay overlay = engine.overlay(entries.block().stream().map(BlockEntry::toTerm).toList(), entries.allow());
      compileNanos.add(System.nanoTime() - start);
      compiles.increment();
      return overlay;
    }));
  }

  /**
   * Whether {@link #overlay} would answer without compiling: the platform has no lists, or their
   * overlay for this lexicon is compiled. A compile takes milliseconds, which an event loop must not spend.
   */
  public boolean overlayReady(String platform, ScreeningEngine engine) {
    PlatformEntries entries = platform == null ? null : active.get(platform);
    return entries == null
        // asMap: a look that the metrics do not count as a cache hit or miss
        || overlays.asMap().containsKey(new OverlayKey(platform, entries.version(), engine.version()));
  }

  /** For the metrics: what this instance knows and has compiled. Per platform would be too many series. */
  public record Stats(int platforms, long entries, long compiles, double compileSeconds, long cacheHits,
                      long cacheMisses) {}

  /** Platforms with at least one entry, their entries (block terms and allow phrases), overlay compiles and cache lookups. */
  public Stats stats() {
    long entries = active.values().stream().mapToLong(e -> e.block().size() + e.allow().size()).sum();
    var cache = overlays.stats();
    return new Stats(active.size(), entries, compiles.sum(), compileNanos.sum() / 1e9, cache.hitCount(), cache.missCount());
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
