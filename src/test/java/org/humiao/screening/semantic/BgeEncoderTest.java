package org.humiao.screening.semantic;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BGE encoder loads from the jar on the classpath (no network) and is a pure function of its input. */
class BgeEncoderTest {
  private static BgeEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = BgeEncoder.load(1, 128);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void loadsFromTheJarAndGivesVectorsOfItsDimension() {
    float[][] v = encoder.encode(List.of("今晚一起开黑吗"));
    assertEquals(1, v.length);
    assertEquals(encoder.dimension(), v[0].length);
    for (float x : v[0]) {
      assertTrue(Float.isFinite(x));
    }
  }

  @Test
  void sameTextSameVector() {
    assertArrayEquals(encoder.encode(List.of("这个地方的人都不行"))[0], encoder.encode(List.of("这个地方的人都不行"))[0]);
  }

  @Test
  void aTextInABatchWithLongerTextsStaysCloseToItselfAlone() {
    // the quantized model scales activations per batch, so padding and neighbours move a vector a little
    float[] alone = encoder.encode(List.of("这个地方的人都不行"))[0];
    float[][] batch = encoder.encode(List.of("一段明显更长的文字，让这一批里有填充的位置，看看池化是否只看真实的字", "这个地方的人都不行"));
    double cosine = cosine(alone, batch[1]);
    assertTrue(cosine > 0.98, "cosine " + cosine);
  }

  private static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  @Test
  void differentTextsDiffer() {
    float[][] v = encoder.encode(List.of("今天天气很好", "滚出我们这里"));
    assertFalse(java.util.Arrays.equals(v[0], v[1]));
  }

  @Test
  void longTextsAreCutToTheTokenLimit() {
    float[] v = encoder.encode(List.of("好".repeat(2000)))[0];
    assertEquals(encoder.dimension(), v.length);
  }

  @Test
  void theLazyEncoderLoadsWithItsFirstBatchAndEncodesAlike() {
    LazyEncoder lazy = (LazyEncoder) BgeEncoder.lazy(1, 128);
    try {
      assertEquals(encoder.id(), lazy.id());
      assertEquals(encoder.dimension(), lazy.dimension());
      assertFalse(lazy.loaded(), "naming the encoder must not load it");
      List<String> texts = List.of("这个地方的人都不行", "今晚一起开黑吗");
      float[][] expected = encoder.encode(texts);
      float[][] got = lazy.encode(texts);
      assertTrue(lazy.loaded());
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(expected[i], got[i]);
      }
    } finally {
      lazy.close();
    }
  }
}
