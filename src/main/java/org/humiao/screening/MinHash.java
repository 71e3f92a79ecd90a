package org.humiao.screening;

/**
 * MinHash signatures of the character bigrams of a text: the share of equal positions in two
 * signatures estimates the Jaccard similarity of their bigram sets, which stays high for a
 * repost with a few characters changed, added or removed, even in a short chat line.
 */
final class MinHash {
  static final int SIZE = 16;
  /** Odd multipliers and offsets of 16 multiply-shift hash functions (fixed: signatures must stay comparable). */
  private static final long[] A = new long[SIZE];
  private static final long[] B = new long[SIZE];

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

  static int[] of(CharSequence text) {
    int[] signature = new int[SIZE];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    int n = text.length();
    for (int i = 0; i + 1 < n; i++) {
      long feature = mix(((long) text.charAt(i) << 16) | text.charAt(i + 1));
      for (int k = 0; k < SIZE; k++) {
        int h = (int) ((A[k] * feature + B[k]) >>> 33);
        if (h < signature[k]) {
          signature[k] = h;
        }
      }
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
