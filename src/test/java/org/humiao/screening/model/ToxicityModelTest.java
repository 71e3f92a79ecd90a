package org.humiao.screening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToxicityModelTest {

  @TempDir Path dir;

  static final List<String> PROBES = List.of(
      "", "a", "你", "你好", "你是个坏蛋", "THE quick brown 狐狸 jumps", "😀表情😀", "黑人胖大妈一屁股坐死",
      "abcdefghijklmnopqrstuvwxyz0123456789");

  static ToxicityModel randomModel(FeatureConfig cfg, long seed, double density) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] w = new float[cfg.buckets()];
    for (int i = 0; i < w.length; i++) {
      if (r.nextDouble() < density) {
        w[i] = (float) r.nextGaussian();
      }
    }
    return new ToxicityModel(cfg, w, 0.25f, 0.42, "test model 模型");
  }

  static String randomText(SplittableRandom r, int maxLen) {
    int n = r.nextInt(maxLen + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) (r.nextBoolean() ? 'a' + r.nextInt(6) : 0x4E00 + r.nextInt(30)));
    }
    return sb.toString();
  }

  /** Reference score from the training-side feature extraction. */
  static double referenceMargin(ToxicityModel m, String s) {
    FeatureConfig cfg = m.features();
    int[] buf = new int[cfg.maxFeatures(s.length())];
    int k = cfg.extract(s, buf);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += m.weight(buf[i]);
    }
    if (cfg.lengthNormalized() && k > 0) {
      sum /= Math.sqrt(k);
    }
    return m.bias() + sum;
  }

  @Test
  void scoringMatchesFeatureExtractionForAllNgramRanges() {
    SplittableRandom r = new SplittableRandom(7);
    for (int min = 1; min <= 6; min++) {
      for (int max = min; max <= 6; max++) {
        for (boolean boundary : new boolean[] {true, false}) {
          for (boolean norm : new boolean[] {true, false}) {
            FeatureConfig cfg = new FeatureConfig(min, max, 12, 99, boundary, norm);
            ToxicityModel m = randomModel(cfg, min * 100 + max, 1.0);
            for (int t = 0; t < 50; t++) {
              String s = randomText(r, 12);
              assertEquals(referenceMargin(m, s), m.margin(s), 1e-4, cfg + " '" + s + "'");
            }
          }
        }
      }
    }
  }

  @Test
  void extractCountsNgrams() {
    FeatureConfig noBoundary = new FeatureConfig(1, 3, 16, 1, false, false);
    int[] buf = new int[noBoundary.maxFeatures(5)];
    assertEquals(5 + 4 + 3, noBoundary.extract("abcde", buf));
    FeatureConfig boundary = new FeatureConfig(1, 3, 16, 1, true, false);
    // unigrams 5, bigrams over ^abcde$ = 6, trigrams = 5
    assertEquals(5 + 6 + 5, boundary.extract("abcde", buf));
    FeatureConfig two = new FeatureConfig(2, 2, 16, 1, false, false);
    assertEquals(0, two.extract("a", buf));
  }

  @Test
  void scoresAreProbabilities() {
    ToxicityModel m = randomModel(FeatureConfig.defaults().withBucketBits(12), 3, 1.0);
    for (String s : PROBES) {
      double p = m.score(s);
      assertTrue(p >= 0 && p <= 1, s + " -> " + p);
      assertEquals(p >= m.threshold(), m.isOffensive(s));
    }
  }

  @Test
  void writeReadRoundTripSparseAndDense() throws IOException {
    for (double density : new double[] {0.01, 1.0}) {
      ToxicityModel m = randomModel(new FeatureConfig(1, 4, 16, 12345, true, true), 11, density);
      Path p = dir.resolve("m" + density + ".bin");
      m.write(p);
      ToxicityModel back = ToxicityModel.read(p);
      assertEquals(m.features(), back.features());
      assertEquals(m.threshold(), back.threshold());
      assertEquals(m.metadata(), back.metadata());
      assertEquals(m.nonZeroWeights(), back.nonZeroWeights());
      for (String s : PROBES) {
        assertEquals(Double.doubleToLongBits(m.score(s)), Double.doubleToLongBits(back.score(s)), s);
      }
      assertArrayEquals(Files.readAllBytes(p), back.toBytes());
    }
    // the sparse encoding is much smaller than the dense one
    assertTrue(Files.size(dir.resolve("m0.01.bin")) * 10 < Files.size(dir.resolve("m1.0.bin")));
  }

  @Test
  void corruptFilesAreRejected() throws IOException {
    byte[] good = randomModel(FeatureConfig.defaults().withBucketBits(12), 5, 0.5).toBytes();
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> ToxicityModel.fromBytes(flipped));
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertThrows(IllegalArgumentException.class, () -> ToxicityModel.fromBytes(magic));
    assertThrows(IllegalArgumentException.class,
        () -> ToxicityModel.fromBytes(java.util.Arrays.copyOf(good, good.length - 7)));
    Path p = dir.resolve("bad.bin");
    Files.write(p, flipped);
    assertThrows(IOException.class, () -> ToxicityModel.read(p));
  }

  @Test
  void withThresholdKeepsWeights() {
    ToxicityModel m = randomModel(FeatureConfig.defaults().withBucketBits(12), 5, 0.5);
    ToxicityModel t = m.withThreshold(0.9);
    assertEquals(0.9, t.threshold());
    assertEquals(m.score("你好"), t.score("你好"));
    assertThrows(IllegalArgumentException.class, () -> m.withThreshold(1.5));
  }
}
