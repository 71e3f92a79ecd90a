package org.humiao.screening;

/**
 * 64-bit SimHash over character bigrams: texts that differ in a few characters get fingerprints
 * a few bits apart, so a repost is found by Hamming distance.
 */
final class SimHash {
  private SimHash() {}

  static long of(CharSequence text) {
    int n = text.length();
    if (n < 2) {
      return n == 0 ? 0 : mix(text.charAt(0));
    }
    int[] votes = new int[64];
    for (int i = 0; i + 1 < n; i++) {
      long h = mix(((long) text.charAt(i) << 16) | text.charAt(i + 1));
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += (int) ((h >>> bit) & 1L) * 2 - 1;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** The finalizer of MurmurHash3: spreads close inputs over all 64 bits. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
