package org.humiao.screening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
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
 * (statistics, expiry, the read buffer), which matters where lookups run one at a time in input
 * order (the {@code screen} command's writer).
 */
public final class RepostGuard {
  private static final int ROWS = 2;
  private static final int BANDS = MinHash.SIZE / ROWS;
  private static final int BUCKET_CAPACITY = 8;
  /** Bits per cached bucket: few false "maybe"s while the cache is full of distinct keys. */
  private static final int BITS_PER_BUCKET = 16;
  /** 8 MB of bits at most, whatever the cache's size. */
  private static final long MAX_BITS = 1L << 26;

  private final Cache<Integer, Bucket> buckets;
  /**
   * Set for a key before its bucket is filled and never cleared: a clear bit means the cache never
   * held that bucket, a set one only that it may (an evicted or expired bucket's bit stays set).
   */
  private final AtomicLongArray filled;
  private final int bitMask;
  /** Lookups the bits answered, counted as the cache's misses they stand for. */
  private final LongAdder unfilledLookups = new LongAdder();

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
    for (int band = 0; band < BANDS; band++) {
      int key = key(signature, band);
      if (!mayBeFilled(key)) {
        unfilledLookups.increment();
        continue;
      }
      Bucket bucket = buckets.getIfPresent(key);
      if (bucket != null) {
        for (int i = 0; i < bucket.signatures.length; i++) {
          if (MinHash.similarity(bucket.signatures[i], signature) >= minSimilarity) {
            return Optional.of(bucket.categories[i]);
          }
        }
      }
    }
    return Optional.empty();
  }

  void remember(int[] signature, Category category) {
    Bucket single = new Bucket(new int[][] {signature}, new Category[] {category});
    for (int band = 0; band < BANDS; band++) {
      int key = key(signature, band);
      int bit = key & bitMask;
      // the bit before the bucket: a lookup that finds the bucket must not be told it was never filled
      filled.getAndAccumulate(bit >>> 6, 1L << bit, (word, mask) -> word | mask);
      buckets.asMap().merge(key, single, Bucket::plus);
    }
  }

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
