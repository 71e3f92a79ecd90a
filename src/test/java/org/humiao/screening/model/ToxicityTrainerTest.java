package org.humiao.screening.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ToxicityTrainerTest {

  static final UnaryOperator<String> ID = s -> s;
  static final String[] BAD = {"垃圾", "滚蛋", "傻瓜", "废物"};
  static final String[] GOOD = {"谢谢", "朋友", "喜欢", "加油"};
  static final String FILLER = "的了是在我有他这中大来上国个到说们为子和你地出道也时年";

  /** Filler text with one marker word: offensive iff the word is from BAD. */
  static List<LabelledText> synthetic(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LabelledText> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean bad = r.nextBoolean();
      StringBuilder sb = new StringBuilder();
      int len = 3 + r.nextInt(15);
      int at = r.nextInt(len);
      for (int k = 0; k < len; k++) {
        if (k == at) {
          String[] words = bad ? BAD : GOOD;
          sb.append(words[r.nextInt(words.length)]);
        }
        sb.append(FILLER.charAt(r.nextInt(FILLER.length())));
      }
      out.add(new LabelledText(sb.toString(), bad));
    }
    return out;
  }

  static ToxicityTrainer.Options small() {
    return ToxicityTrainer.Options.defaults().withFeatures(FeatureConfig.defaults().withBucketBits(14));
  }

  @Test
  void trainingIsDeterministic() {
    List<LabelledText> data = synthetic(1, 2000);
    byte[] a = ToxicityTrainer.train(data, small(), ID).toBytes();
    byte[] b = ToxicityTrainer.train(new ArrayList<>(data), small(), ID).toBytes();
    assertArrayEquals(a, b);
    // and the comparison is meaningful: another seed gives another model
    byte[] c = ToxicityTrainer.train(data, small().withSeed(99), ID).toBytes();
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void learnsSeparableSyntheticSet() {
    for (boolean nb : new boolean[] {true, false}) {
      for (boolean avg : new boolean[] {true, false}) {
        ToxicityTrainer.Options o = small().withNbWeighting(nb).withAveraging(avg);
        ToxicityModel m = ToxicityTrainer.train(synthetic(2, 2000), o, ID);
        ClassifierMetrics held = ToxicityTrainer.evaluate(m, synthetic(3, 1000), ID, 0.5);
        assertTrue(held.f1() > 0.99, o.describe() + ": " + held);
        assertTrue(m.score("你这个垃圾") > 0.8, "垃圾 " + m.score("你这个垃圾"));
        assertTrue(m.score("你是我的好朋友") < 0.2, "朋友 " + m.score("你是我的好朋友"));
      }
    }
  }

  @Test
  void preprocessIsApplied() {
    // upper-case markers in training, lower-cased by preprocess: the model must see lower case
    List<LabelledText> data = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      boolean bad = r.nextBoolean();
      data.add(new LabelledText((bad ? "XX" : "YY") + FILLER.charAt(r.nextInt(FILLER.length())), bad));
    }
    UnaryOperator<String> lower = s -> s.toLowerCase(Locale.ROOT);
    ToxicityModel m = ToxicityTrainer.train(data, small(), lower);
    assertTrue(m.score("xx的") > 0.8);
    assertTrue(m.score("yy的") < 0.2);
  }

  @Test
  void thresholdSelectionMaximisesF1() {
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    boolean[] labels = {true, true, false, true, true, false, false, false};
    ToxicityTrainer.ThresholdChoice c = ToxicityTrainer.selectThreshold(scores, labels);
    // best cut: top 5 (tp 4, fp 1, fn 0) -> F1 = 8/9
    assertEquals(0.45, c.threshold(), 1e-9);
    assertEquals(ClassifierMetrics.of(4, 1, 3, 0), c.metrics());
    assertEquals(8.0 / 9.0, c.metrics().f1(), 1e-12);

    // ties in score are never split
    double[] tied = {0.5, 0.5, 0.5, 0.1};
    boolean[] tl = {true, false, true, false};
    ToxicityTrainer.ThresholdChoice t = ToxicityTrainer.selectThreshold(tied, tl);
    assertEquals(ClassifierMetrics.of(2, 1, 1, 0), t.metrics());
    assertEquals(0.3, t.threshold(), 1e-9);
  }

  @Test
  void thresholdChoiceAgreesWithEvaluate() {
    ToxicityModel m = ToxicityTrainer.train(synthetic(7, 500), small().withEpochs(1), ID);
    // a noisy dev set so the optimum is not trivial
    List<LabelledText> dev = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(8);
    for (LabelledText t : synthetic(9, 400)) {
      dev.add(r.nextInt(5) == 0 ? new LabelledText(t.text(), !t.offensive()) : t);
    }
    ToxicityTrainer.ThresholdChoice c = ToxicityTrainer.selectThreshold(m, dev, ID);
    assertEquals(c.metrics(), ToxicityTrainer.evaluate(m, dev, ID, c.threshold()));
  }

  @Test
  void metrics() {
    ClassifierMetrics m = ClassifierMetrics.of(8, 2, 5, 4);
    assertEquals(0.8, m.precision(), 1e-12);
    assertEquals(8.0 / 12.0, m.recall(), 1e-12);
    assertEquals(16.0 / 22.0, m.f1(), 1e-12);
    assertEquals(0.0, ClassifierMetrics.of(0, 0, 3, 0).f1());
    assertEquals(ClassifierMetrics.of(1, 0, 0, 0), ClassifierMetrics.of(0, 0, 0, 0).plus(true, true));
  }
}
