package org.humiao.screening.semantic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stacker's two file versions (one head, a head per source) and the models read and written as one unit. */
class StackerTest {
  private static final Path SHIPPED = Path.of("lexicons/model");

  /** A stacker trained where only the last head's score says anything about the label. */
  private static Stacker onlyTheLastHeadKnows(int heads) {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 400;
    double[] ngram = new double[n];
    double[][] semantic = new double[heads][n];
    int[] lengths = new int[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2 == 0;
      ngram[i] = rnd.nextDouble();
      for (int h = 0; h < heads - 1; h++) {
        semantic[h][i] = rnd.nextDouble();
      }
      semantic[heads - 1][i] = labels[i] ? 0.6 + 0.4 * rnd.nextDouble() : 0.4 * rnd.nextDouble();
      lengths[i] = i % 5 == 0 ? 4 : 20;
    }
    return Stacker.train(ngram, semantic, lengths, labels, 10, "test");
  }

  @Test
  void theShippedVersionOneStackerLoadsAsOneHeadAndIsWrittenBackToTheSameBytes() throws IOException {
    byte[] shipped = Files.readAllBytes(SHIPPED.resolve(SemanticModels.STACK_FILE));
    Stacker s = Stacker.read(SHIPPED.resolve(SemanticModels.STACK_FILE));
    assertEquals(1, s.heads());
    assertArrayEquals(shipped, s.toBytes());
    assertEquals(1, Stacker.VERSION, "a one-head stacker stays version 1");
    assertEquals(Stacker.VERSION, java.nio.ByteBuffer.wrap(shipped, 4, 2).getShort());
  }

  @Test
  void oneHeadKeepsTheFiveFeaturesOfVersionOneInTheirOrder() {
    double zn = Stacker.logit(0.8);
    double zs = Stacker.logit(0.3);
    assertArrayEquals(new double[] {zn, zs, 1, zn, zs}, Stacker.features(0.8, new double[] {0.3}, true), 1e-12);
    assertArrayEquals(new double[] {zn, zs, 0, 0, 0}, Stacker.features(0.8, new double[] {0.3}, false), 1e-12);
    double z2 = Stacker.logit(0.6);
    assertArrayEquals(new double[] {zn, zs, z2, 1, zn, zs, z2}, Stacker.features(0.8, new double[] {0.3, 0.6}, true), 1e-12);
    double g = 0.25;
    assertArrayEquals(new double[] {zn, zs, z2, 0, 0, 0, 0, g, g * zn, g * zs, g * z2},
        Stacker.features(0.8, new double[] {0.3, 0.6, g}, false), 1e-12, "a gate's features: the gate and each log-odds times it");
  }

  @Test
  void aTwoHeadStackerIsVersionTwoRoundTripsAndWeighsItsHeadsApart(@TempDir Path dir) throws IOException {
    Stacker s = onlyTheLastHeadKnows(2);
    assertEquals(2, s.heads());
    byte[] bytes = s.toBytes();
    assertEquals(Stacker.VERSION_HEADS, java.nio.ByteBuffer.wrap(bytes, 4, 2).getShort());
    s.write(dir.resolve("stack.bin"));
    Stacker back = Stacker.read(dir.resolve("stack.bin"));
    assertEquals(2, back.heads());
    assertArrayEquals(bytes, back.toBytes());
    double moveSecond = s.score(0.5, new double[] {0.5, 0.9}, 20) - s.score(0.5, new double[] {0.5, 0.1}, 20);
    double moveFirst = s.score(0.5, new double[] {0.9, 0.5}, 20) - s.score(0.5, new double[] {0.1, 0.5}, 20);
    assertTrue(moveSecond > 0.5, "the informative head moves the stack: " + moveSecond);
    assertTrue(Math.abs(moveFirst) < 0.1, "the noise head barely does: " + moveFirst);
    assertThrows(IllegalArgumentException.class, () -> s.score(0.5, 0.5, 20), "two heads' stacker given one score");
    Stacker gated = onlyTheLastHeadKnows(3);
    assertEquals(3, Stacker.read(write(dir.resolve("gated.bin"), gated)).heads());
    assertArrayEquals(gated.toBytes(), Stacker.read(dir.resolve("gated.bin")).toBytes());
  }

  private static Path write(Path file, Stacker s) throws IOException {
    s.write(file);
    return file;
  }

  @Test
  void theModelsAreWrittenTogetherAndAStaleSecondHeadIsRemoved(@TempDir Path dir) throws IOException {
    SemanticHead a = new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, -2, "a");
    SemanticHead b = new SemanticHead("fake/1", new float[][] {{-1}}, new float[] {0}, new float[] {4}, 0, "b");
    new SemanticModels(List.of(a, b), onlyTheLastHeadKnows(2)).write(dir);
    SemanticModels two = SemanticModels.read(dir);
    assertEquals(2, two.heads().size());
    assertArrayEquals(b.toBytes(), two.heads().get(1).toBytes());
    assertArrayEquals(new double[] {a.score(new float[] {1}), b.score(new float[] {1})}, two.headScores(new float[] {1}), 1e-12);
    assertTrue(Files.exists(dir.resolve("semantic-head-sentences.bin")));
    new SemanticModels(List.of(a), onlyTheLastHeadKnows(1)).write(dir);
    assertFalse(Files.exists(dir.resolve("semantic-head-sentences.bin")), "a one-head training leaves no second head behind");
    assertEquals(1, SemanticModels.read(dir).heads().size());
    assertThrows(IllegalArgumentException.class, () -> new SemanticModels(List.of(a), onlyTheLastHeadKnows(2)));
    SemanticHead other = new SemanticHead("other/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, 0, "c");
    assertThrows(IllegalArgumentException.class, () -> new SemanticModels(List.of(a, other), onlyTheLastHeadKnows(2)));
  }
}
