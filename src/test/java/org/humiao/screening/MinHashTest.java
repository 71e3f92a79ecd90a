package org.humiao.screening;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** MinHash signatures are the remembered fingerprints' values: however they are computed, they must not change. */
class MinHashTest {
  @Property(tries = 300)
  void theSignatureIsEachHashFunctionsMinimumOverTheBigrams(
      @ForAll @StringLength(max = 300) @CharRange(from = '一', to = '龥') @CharRange(from = 'a', to = 'z') String text) {
    assertArrayEquals(byDefinition(text), MinHash.of(text));
  }

  @Property(tries = 50)
  void aLongTextThenAShortOneOnTheSameThreadIsNotReadPastItsEnd(
      @ForAll @StringLength(min = 200, max = 5000) @CharRange(from = '一', to = '龥') String longText,
      @ForAll @StringLength(max = 10) @CharRange(from = '一', to = '龥') String shortText) {
    MinHash.of(longText);
    assertArrayEquals(byDefinition(shortText), MinHash.of(shortText));
  }

  /** Signature position k: the least (A[k]·f + B[k]) >>> 33 over the mixed bigrams f, as the fingerprints were first made. */
  private static int[] byDefinition(String text) {
    int[] signature = new int[MinHash.SIZE];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    for (int i = 0; i + 1 < text.length(); i++) {
      long feature = MinHash.mix(((long) text.charAt(i) << 16) | text.charAt(i + 1));
      for (int k = 0; k < MinHash.SIZE; k++) {
        signature[k] = Math.min(signature[k], (int) ((MinHash.A[k] * feature + MinHash.B[k]) >>> 33));
      }
    }
    return signature;
  }
}
