package org.humiao.screening;

/**
 * MinHash signatures of the character bigrams of a text: the share of equal positions in two
 * signatures estimates the Jaccard similarity of their bigram sets, which stays high for a
 * repost with a few characters changed, added or removed, even in a short chat line.
 */
final class MinHash {
  static final int SIZE = 16;
  /** Odd multipliers and offsets of 16 multiply-shift hash functions (fixed: signatures must stay comparable). */
  static final long[] A = new long[SIZE];
  static final long[] B = new long[SIZE];

  static {
    long seed = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SIZE; i++) {
      seed = mix(seed + i);
      A[i] = seed | 1L;
      seed = mix(seed);
      B[i] = seed;
    }
  }

  private MinHash() {}

  /** Each thread's bigram features, grown to its longest text: a signature is made for most texts. */
  private static final ThreadLocal<long[]> FEATURES = ThreadLocal.withInitial(() -> new long[64]);

  static int[] of(CharSequence text) {
    int bigrams = Math.max(0, text.length() - 1);
    long[] features = FEATURES.get();
    if (features.length < bigrams) {
      features = new long[Math.max(bigrams, 2 * features.length)];
      FEATURES.set(features);
    }
    for (int i = 0; i < bigrams; i++) {
      features[i] = mix(((long) text.charAt(i) << 16) | text.charAt(i + 1));
    }
    // hash function outside, bigrams inside: each minimum stays in a register, not a load and store per bigram
    int[] signature = new int[SIZE];
    for (int k = 0; k < SIZE; k++) {
      long a = A[k];
      long b = B[k];
      int min = Integer.MAX_VALUE;
      for (int i = 0; i < bigrams; i++) {
        min = Math.min(min, (int) ((a * features[i] + b) >>> 33));
      }
      signature[k] = min;
    }
    return signature;
  }

  static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / SIZE;
  }

  /** The finalizer of MurmurHash3: spreads close inputs over all 64 bits. */
  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
