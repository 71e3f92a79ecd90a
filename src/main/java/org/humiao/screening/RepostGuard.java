package org.humiao.screening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the MinHash signatures of blocked content (防止信息扩散) so that a near-duplicate
 * repost is blocked even when re-obfuscated. Signatures are indexed by locality-sensitive
 * hashing: eight bands of two positions each; a text with bigram Jaccard similarity 0.6 to a
 * remembered one shares a band with probability 0.97, and candidates are then checked on the
 * whole signature. Buckets live in a bounded Caffeine cache and keep their newest signatures.
 * A bit per bucket key ever filled answers most lookups before the cache is asked: nearly every
 * text names only buckets no blocked text filled, and a bit test costs far less than a lookup
 * (statistics, expiry, the read buffer). Where lookups must run one at a time in input order (the
 * {@code screen} command's writer), a worker takes each ahead of its turn ({@link #lookUpEarly}) and
 * the writer reads the cache again only for the bands a text remembered since has touched
 * ({@link #find(EarlyLookup)}), which gives the answer the lookup in its turn would have given.
 */
public final class RepostGuard {
  private static final int ROWS = 2;
  private static final int BANDS = MinHash.SIZE / ROWS;
  private static final int BUCKET_CAPACITY = 8;
  /** Bits per cached bucket: few false "maybe"s while the cache is full of distinct keys. */
  private static final int BITS_PER_BUCKET = 16;
  /** 8 MB of bits at most, whatever the cache's size. */
  private static final long MAX_BITS = 1L << 26;
  /** Slots of the last generation that touched a key: 512 KB; keys sharing a slot only cost a needless re-read. */
  private static final int TOUCHED_SLOTS = 1 << 16;

  private final Cache<Integer, Bucket> buckets;
  /**
   * Set for a key before its bucket is filled and never cleared: a clear bit means the cache never
   * held that bucket, a set one only that it may (an evicted or expired bucket's bit stays set).
   */
  private final AtomicLongArray filled;
  private final int bitMask;
  /** Lookups the bits answered, counted as the cache's misses they stand for. */
  private final LongAdder unfilledLookups = new LongAdder();
  /** Texts remembered so far, bumped once a text's buckets are all in the cache. */
  private final AtomicLong generation = new AtomicLong();
  /** By slot of a key, the generation of the last text remembered under it (a key's slot: its low bits). */
  private final AtomicLongArray touched = new AtomicLongArray(TOUCHED_SLOTS);

  public RepostGuard(long maximumBuckets, Duration retention) {
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maximumBuckets)
        .expireAfterWrite(retention)
        .recordStats()
        .build();
    long bits = Long.highestOneBit(Math.max(Long.SIZE, Math.min(MAX_BITS, maximumBuckets * BITS_PER_BUCKET)) * 2 - 1);
    this.filled = new AtomicLongArray((int) (bits / Long.SIZE));
    this.bitMask = (int) (bits - 1);
  }

  /** Lookups, hits and evictions of the fingerprint buckets, for the service's metrics. */
  public CacheStats stats() {
    return buckets.stats().plus(CacheStats.of(0, unfilledLookups.sum(), 0, 0, 0, 0, 0));
  }

  public long estimatedSize() {
    return buckets.estimatedSize();
  }

  boolean isEmpty() {
    return buckets.estimatedSize() == 0;
  }

  /** The category of a remembered signature at least {@code minSimilarity} similar, if any. */
  Optional<Category> find(int[] signature, double minSimilarity) {
    EarlyLookup lookup = lookUpEarly(signature, minSimilarity);
    return Optional.ofNullable(lookup.found);
  }

  /**
   * {@link #find(int[], double)} taken ahead of its turn, on any thread: the generation it saw, then
   * band by band until one holds a similar signature, what they answered. Valid while one thread
   * remembers and settles in turn, as the {@code screen} command's writer does.
   */
  EarlyLookup lookUpEarly(int[] signature, double minSimilarity) {
    long seen = generation.get();
    for (int band = 0; band < BANDS; band++) {
      Bucket bucket = bucket(key(signature, band));
      Category found = bucket == null ? null : bucket.similar(signature, minSimilarity);
      if (found != null) {
        return new EarlyLookup(signature, minSimilarity, seen, band + 1, found);
      }
    }
    return new EarlyLookup(signature, minSimilarity, seen, BANDS, null);
  }

  /**
   * In its turn, what {@link #find(int[], double)} would answer now: the early answer, unless a text
   * remembered after it was taken touched one of the bands it read, when the lookup is made again.
   * Called by the thread that remembers.
   */
  Optional<Category> find(EarlyLookup early) {
    for (int band = 0; band < early.bandsRead; band++) {
      if (touched.get(key(early.signature, band) & (TOUCHED_SLOTS - 1)) > early.generation) {
        return find(early.signature, early.minSimilarity);
      }
    }
    return Optional.ofNullable(early.found);
  }

  void remember(int[] signature, Category category) {
    Bucket single = new Bucket(new int[][] {signature}, new Category[] {category});
    // one thread remembers at a time where early lookups are used (see lookUpEarly)
    long next = generation.get() + 1;
    for (int band = 0; band < BANDS; band++) {
      int key = key(signature, band);
      int bit = key & bitMask;
      // the bit before the bucket: a lookup that finds the bucket must not be told it was never filled
      filled.getAndAccumulate(bit >>> 6, 1L << bit, (word, mask) -> word | mask);
      touched.accumulateAndGet(key & (TOUCHED_SLOTS - 1), next, Math::max);
      buckets.asMap().merge(key, single, Bucket::plus);
    }
    // after the buckets: an early lookup that saw this generation saw them
    generation.accumulateAndGet(next, Math::max);
  }

  /** A key's bucket, or null: the bit answers for a key never filled, else the cache. */
  private Bucket bucket(int key) {
    if (!mayBeFilled(key)) {
      unfilledLookups.increment();
      return null;
    }
    return buckets.getIfPresent(key);
  }

  /** A lookup taken ahead of its turn by {@link #lookUpEarly}: the bands it read and what they answered (null: none). */
  record EarlyLookup(int[] signature, double minSimilarity, long generation, int bandsRead, Category found) {}

  private boolean mayBeFilled(int key) {
    int bit = key & bitMask;
    return (filled.get(bit >>> 6) & (1L << bit)) != 0;
  }

  private static int key(int[] signature, int band) {
    long h = MinHash.mix(((long) signature[band * ROWS] << 32) ^ signature[band * ROWS + 1] ^ ((long) band << 60));
    return (int) (h ^ (h >>> 32));
  }

  /** Immutable, newest first: replaced whole, so readers never see a half-written bucket. */
  private static final class Bucket {
    private final int[][] signatures;
    private final Category[] categories;

    private Bucket(int[][] signatures, Category[] categories) {
      this.signatures = signatures;
      this.categories = categories;
    }

    /** The category of this bucket's newest signature at least {@code minSimilarity} similar; null if none. */
    Category similar(int[] signature, double minSimilarity) {
      for (int i = 0; i < signatures.length; i++) {
        if (MinHash.similarity(signatures[i], signature) >= minSimilarity) {
          return categories[i];
        }
      }
      return null;
    }

    Bucket plus(Bucket newer) {
      for (int[] s : signatures) {
        if (Arrays.equals(s, newer.signatures[0])) {
          return this;
        }
      }
      int keep = Math.min(signatures.length, BUCKET_CAPACITY - 1);
      int[][] s = Arrays.copyOf(newer.signatures, keep + 1);
      Category[] c = Arrays.copyOf(newer.categories, keep + 1);
      System.arraycopy(signatures, 0, s, 1, keep);
      System.arraycopy(categories, 0, c, 1, keep);
      return new Bucket(s, c);
    }
  }
}
