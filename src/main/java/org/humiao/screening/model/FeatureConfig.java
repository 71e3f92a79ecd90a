package org.humiao.screening.model;

/**
 * How text is turned into hashed features: every character n-gram with {@code minN <= n <= maxN}
 * (over UTF-16 code units, optionally with virtual begin/end-of-text markers) is hashed into one of
 * {@code 2^bucketBits} buckets. Feature values are occurrence counts, optionally scaled by
 * {@code 1/sqrt(number of n-gram occurrences)}.
 *
 * @param minN smallest n-gram length, {@code >= 1}
 * @param maxN largest n-gram length, {@code minN <= maxN <= 8}
 * @param bucketBits log2 of the number of hash buckets, 10..24
 * @param hashSeed seed of the n-gram hash
 * @param boundaryMarkers whether n-grams may include a virtual begin-of-text / end-of-text char
 * @param lengthNormalized whether the summed weights are scaled by {@code 1/sqrt(count)}
 */
public record FeatureConfig(
    int minN, int maxN, int bucketBits, int hashSeed, boolean boundaryMarkers, boolean lengthNormalized) {

  public static final int MAX_N = 8;
  /** Virtual character before the text (only if {@link #boundaryMarkers}). */
  static final char BEGIN = '\u0002';
  /** Virtual character after the text (only if {@link #boundaryMarkers}). */
  static final char END = '\u0003';

  public FeatureConfig {
    if (minN < 1 || maxN < minN || maxN > MAX_N) {
      throw new IllegalArgumentException("bad n-gram range " + minN + ".." + maxN);
    }
    if (bucketBits < 10 || bucketBits > 24) {
      throw new IllegalArgumentException("bucketBits must be in 10..24: " + bucketBits);
    }
  }

  public static FeatureConfig defaults() {
    return new FeatureConfig(1, 3, 20, 0x5EED1234, true, true);
  }

  public int buckets() {
    return 1 << bucketBits;
  }

  public FeatureConfig withBucketBits(int bits) {
    return new FeatureConfig(minN, maxN, bits, hashSeed, boundaryMarkers, lengthNormalized);
  }

  // ---------------------------------------------------------------------------------------------
  // Hashing. The same step/finish functions are used by training (extract) and by
  // ToxicityModel.score, which inlines the loop of extract without storing indices.

  /** Folds one character into the running n-gram hash state. */
  static int step(int h, char c) {
    return (h ^ c) * 0x01000193;
  }

  /** Final avalanche of the n-gram state (murmur3 fmix32); mask it to get the bucket. */
  static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Upper bound of the number of n-gram occurrences of a text of {@code len} chars. */
  int maxFeatures(int len) {
    return (len + 2) * (maxN - minN + 1);
  }

  /**
   * Writes the bucket of every n-gram occurrence of {@code s} into {@code out} (which must hold
   * {@link #maxFeatures(int)} ints) and returns how many were written.
   */
  int extract(CharSequence s, int[] out) {
    final int len = s.length();
    final int mask = (1 << bucketBits) - 1;
    final int first = boundaryMarkers ? -1 : 0;
    final int last = boundaryMarkers ? len : len - 1;
    int count = 0;
    for (int i = first; i <= last; i++) {
      int h = hashSeed;
      int lim = Math.min(maxN, last - i + 1);
      for (int k = 0; k < lim; k++) {
        int p = i + k;
        char c = p < 0 ? BEGIN : p >= len ? END : s.charAt(p);
        h = step(h, c);
        // a lone begin/end marker is not a feature (it would be a constant, i.e. a second bias)
        if (k + 1 >= minN && !(k == 0 && (p < 0 || p >= len))) {
          out[count++] = finish(h) & mask;
        }
      }
    }
    return count;
  }
}
