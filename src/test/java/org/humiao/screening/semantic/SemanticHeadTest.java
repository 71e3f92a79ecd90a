package org.humiao.screening.semantic;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The head's training options beyond one plain network: bootstrap bags and a class-balanced loss. */
class SemanticHeadTest {
  private static final SemanticHead.Options SMALL = new SemanticHead.Options(8, 10, 0.01, 1e-4, 16, 3L, 1, false);

  /** Vectors of 8 noisy dimensions; offensive ones lean on dimension 0 by {@code shift}; every {@code every}-th is offensive. */
  private record Data(float[][] x, boolean[] y) {
    static Data of(int n, int every, float shift) {
      SplittableRandom rnd = new SplittableRandom(9);
      float[][] x = new float[n][8];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        y[i] = i % every == 0;
        for (int j = 0; j < 8; j++) {
          x[i][j] = (float) rnd.nextGaussian();
        }
        x[i][0] += y[i] ? shift : 0;
      }
      return new Data(x, y);
    }

    int caught(SemanticHead head) {
      int caught = 0;
      for (int i = 0; i < x.length; i++) {
        caught += y[i] && head.score(x[i]) >= 0.5 ? 1 : 0;
      }
      return caught;
    }
  }

  @Test
  void baggedHeadsAreReproducibleDifferFromOneAndLearn() {
    Data d = Data.of(300, 2, 2.5f);
    SemanticHead one = SemanticHead.train("fake/8", d.x(), d.y(), SMALL);
    SemanticHead bag = SemanticHead.train("fake/8", d.x(), d.y(), SMALL.withBags(3));
    assertArrayEquals(bag.toBytes(), SemanticHead.train("fake/8", d.x(), d.y(), SMALL.withBags(3)).toBytes());
    assertFalse(java.util.Arrays.equals(one.toBytes(), bag.toBytes()));
    assertTrue(bag.metadata().startsWith("3 bootstrap-bagged"), bag.metadata());
    float[] bad = new float[8];
    bad[0] = 3;
    assertTrue(bag.score(bad) > 0.8, "bag on an offensive vector: " + bag.score(bad));
    assertTrue(bag.score(new float[8]) < 0.5, "bag on a plain vector: " + bag.score(new float[8]));
  }

  @Test
  void aBagIsTheMeanLogOddsOfItsNetworksInOneFile() {
    // the bag is stored as one wider layer, so the file format (and every older head file) is unchanged
    Data d = Data.of(200, 2, 2.5f);
    SemanticHead first = SemanticHead.train("fake/8", d.x(), d.y(), SMALL);
    SemanticHead second = SemanticHead.train("fake/8", d.x(), d.y(), new SemanticHead.Options(8, 10, 0.01, 1e-4, 16, 4L, 1, false));
    SemanticHead both = SemanticHead.mean(java.util.List.of(first, second), "two");
    for (int i = 0; i < 50; i++) {
      double expected = (logOdds(first.score(d.x()[i])) + logOdds(second.score(d.x()[i]))) / 2;
      assertEquals(expected, logOdds(both.score(d.x()[i])), 1e-4);
    }
    SemanticHead bag = SemanticHead.train("fake/8", d.x(), d.y(), SMALL.withBags(4));
    assertEquals(32, bag.units());
    assertArrayEquals(bag.toBytes(), SemanticHead.fromBytes(bag.toBytes()).toBytes());
  }

  private static double logOdds(double p) {
    return Math.log(p / (1 - p));
  }

  @Test
  void aBalancedLossCatchesMoreOfARareClass() {
    Data d = Data.of(600, 10, 1.2f);
    int plain = d.caught(SemanticHead.train("fake/8", d.x(), d.y(), SMALL));
    int balanced = d.caught(SemanticHead.train("fake/8", d.x(), d.y(), SMALL.withBalanced(true)));
    assertTrue(balanced > plain + 10, "caught " + balanced + " balanced vs " + plain + " plain of 60");
  }

  @Test
  void onClassesOfEqualSizeBalancingChangesNothing() {
    Data d = Data.of(300, 2, 1.2f);
    SemanticHead plain = SemanticHead.train("fake/8", d.x(), d.y(), SMALL);
    SemanticHead balanced = SemanticHead.train("fake/8", d.x(), d.y(), SMALL.withBalanced(true));
    float[] probe = {1, 0.5f, 0, 0, 0, 0, 0, 0};
    assertTrue(plain.score(probe) == balanced.score(probe), plain.score(probe) + " vs " + balanced.score(probe));
  }

  @Test
  void optionsRefuseAnEmptyBag() {
    assertThrows(IllegalArgumentException.class, () -> SMALL.withBags(0));
  }
}
