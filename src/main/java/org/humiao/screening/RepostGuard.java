package org.humiao.screening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Remembers the MinHash signatures of blocked content (防止信息扩散) so that a near-duplicate
 * repost is blocked even when re-obfuscated. Signatures are indexed by locality-sensitive
 * hashing: eight bands of two positions each; a text with bigram Jaccard similarity 0.6 to a
 * remembered one shares a band with probability 0.97, and candidates are then checked on the
 * whole signature. Buckets live in a bounded Caffeine cache and keep their newest signatures.
 */
public final class RepostGuard {
  private static final int ROWS = 2;
  private static final int BANDS = MinHash.SIZE / ROWS;
  private static final int BUCKET_CAPACITY = 8;

  private final Cache<Integer, Bucket> buckets;

  public RepostGuard(long maximumBuckets, Duration retention) {
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maximumBuckets)
        .expireAfterWrite(retention)
        .recordStats()
        .build();
  }

  /** Lookups, hits and evictions of the fingerprint buckets, for the service's metrics. */
  public CacheStats stats() {
    return buckets.stats();
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
      Bucket bucket = buckets.getIfPresent(key(signature, band));
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
      buckets.asMap().merge(key(signature, band), single, Bucket::plus);
    }
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
