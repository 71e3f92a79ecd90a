package org.humiao.screening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Remembers the fingerprints of blocked content (防止信息扩散) so that a near-duplicate repost is
 * blocked even when re-obfuscated. Fingerprints are indexed by four 16-bit bands: two
 * fingerprints at most three bits apart share at least one band exactly, so a lookup reads four
 * buckets. Buckets live in a bounded Caffeine cache; a bucket keeps its newest fingerprints.
 */
public final class RepostGuard {
  private static final int BANDS = 4;
  private static final int BUCKET_CAPACITY = 16;

  private final Cache<Integer, Bucket> buckets;

  public RepostGuard(long maximumBuckets, Duration retention) {
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maximumBuckets)
        .expireAfterWrite(retention)
        .recordStats()
        .build();
  }

  /** The category of a remembered fingerprint within {@code maxDistance} bits, if any. */
  Optional<Category> find(long fingerprint, int maxDistance) {
    for (int band = 0; band < BANDS; band++) {
      Bucket bucket = buckets.getIfPresent(key(fingerprint, band));
      if (bucket != null) {
        for (int i = 0; i < bucket.fingerprints.length; i++) {
          if (SimHash.distance(bucket.fingerprints[i], fingerprint) <= maxDistance) {
            return Optional.of(bucket.categories[i]);
          }
        }
      }
    }
    return Optional.empty();
  }

  boolean isEmpty() {
    return buckets.estimatedSize() == 0;
  }

  void remember(long fingerprint, Category category) {
    for (int band = 0; band < BANDS; band++) {
      buckets.asMap().merge(key(fingerprint, band), Bucket.of(fingerprint, category), Bucket::plus);
    }
  }

  private static int key(long fingerprint, int band) {
    return band << 16 | (int) ((fingerprint >>> (band * 16)) & 0xFFFF);
  }

  /** Immutable: replaced whole, so readers never see a half-written bucket. */
  private static final class Bucket {
    private final long[] fingerprints;
    private final Category[] categories;

    private Bucket(long[] fingerprints, Category[] categories) {
      this.fingerprints = fingerprints;
      this.categories = categories;
    }

    static Bucket of(long fingerprint, Category category) {
      return new Bucket(new long[] {fingerprint}, new Category[] {category});
    }

    Bucket plus(Bucket newer) {
      for (long f : fingerprints) {
        if (f == newer.fingerprints[0]) {
          return this;
        }
      }
      int keep = Math.min(fingerprints.length, BUCKET_CAPACITY - 1);
      long[] f = Arrays.copyOf(newer.fingerprints, keep + 1);
      Category[] c = Arrays.copyOf(newer.categories, keep + 1);
      // newest first: keep the newest of the old ones behind the new one
      System.arraycopy(fingerprints, 0, f, 1, keep);
      System.arraycopy(categories, 0, c, 1, keep);
      return new Bucket(f, c);
    }
  }
}
