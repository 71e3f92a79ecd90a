package org.humiao.screening.semantic;

import org.humiao.screening.model.LabelledText;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.model.ToxicityTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Trains the three models of the cascade from one labelled set: the n-gram model and the semantic
 * head on all of it, and the stacker on out-of-fold scores (k-fold: each fold scored by an n-gram
 * model and a head trained on the other folds), so the stacker never sees a score of a model that
 * was trained on the text. Deterministic: fixed seeds, single-threaded, so equal input gives equal bytes.
 */
public final class SemanticTrainer {

  /**
   * Training options.
   *
   * @param folds k of the k-fold that makes the stacker's out-of-fold scores
   * @param seed fold assignment seed
   * @param shortLength normalized length below which a text counts as short (policy model.min-length)
   */
  public record Options(int folds, long seed, ToxicityTrainer.Options ngram, SemanticHead.Options head, int shortLength) {
    public Options {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2");
      }
    }

    public static Options defaults(int shortLength) {
      return new Options(5, 20261207L, ToxicityTrainer.Options.defaults(), SemanticHead.Options.defaults(), shortLength);
    }
  }

  /**
   * One training text, already normalized the way the engine normalizes, with its encoder vector
   * and how many times training counts it (at least 1).
   */
  public record Example(String text, boolean offensive, float[] vector, int weight) {
    public Example {
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be at least 1: " + weight);
      }
    }

    public Example(String text, boolean offensive, float[] vector) {
      this(text, offensive, vector, 1);
    }
  }

  /**
   * The trained cascade and the out-of-fold probabilities its stacker learned from.
   *
   * @param outOfFoldNgram each example's n-gram probability from a model that did not see it
   * @param outOfFoldSemantic each example's head probability from a head that did not see it
   */
  public record Trained(ToxicityModel ngram, SemanticHead head, Stacker stacker, double[] outOfFoldNgram, double[] outOfFoldSemantic) {}

  private SemanticTrainer() {}

  public static Trained train(List<Example> examples, String encoderId, Options o) {
    int n = examples.size();
    int[] fold = folds(n, o.folds(), o.seed());
    double[] oofNgram = new double[n];
    double[] oofSemantic = new double[n];
    for (int k = 0; k < o.folds(); k++) {
      List<Example> in = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != k) {
          in.add(examples.get(i));
        }
      }
      ToxicityModel ngram = trainNgram(in, o);
      SemanticHead head = trainHead(in, encoderId, o);
      for (int i = 0; i < n; i++) {
        if (fold[i] == k) {
          oofNgram[i] = ngram.score(examples.get(i).text());
          oofSemantic[i] = head.score(examples.get(i).vector());
        }
      }
    }
    // folds are dealt over distinct examples, so a weighted one never scores itself; the stacker
    // then counts each out-of-fold score as often as its example's weight
    int total = examples.stream().mapToInt(Example::weight).sum();
    double[] stackNgram = new double[total];
    double[] stackSemantic = new double[total];
    int[] lengths = new int[total];
    boolean[] labels = new boolean[total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      for (int w = 0; w < e.weight(); w++, at++) {
        stackNgram[at] = oofNgram[i];
        stackSemantic[at] = oofSemantic[i];
        lengths[at] = e.text().length();
        labels[at] = e.offensive();
      }
    }
    Stacker stacker = Stacker.train(stackNgram, stackSemantic, lengths, labels, o.shortLength(),
        "logistic regression on " + o.folds() + "-fold out-of-fold scores of " + n + " texts (" + total
            + " with weights), seed " + o.seed());
    return new Trained(trainNgram(examples, o), trainHead(examples, encoderId, o), stacker, oofNgram, oofSemantic);
  }

  private static ToxicityModel trainNgram(List<Example> examples, Options o) {
    List<LabelledText> texts = examples.stream().map(e -> new LabelledText(e.text(), e.offensive(), "", e.weight())).toList();
    return ToxicityTrainer.train(LabelledText.expanded(texts), o.ngram(), UnaryOperator.identity());
  }

  private static SemanticHead trainHead(List<Example> examples, String encoderId, Options o) {
    int total = examples.stream().mapToInt(Example::weight).sum();
    float[][] x = new float[total][];
    boolean[] y = new boolean[total];
    int at = 0;
    for (Example e : examples) {
      for (int w = 0; w < e.weight(); w++, at++) {
        x[at] = e.vector();
        y[at] = e.offensive();
      }
    }
    return SemanticHead.train(encoderId, x, y, o.head());
  }

  /** Fold of each example: a seeded shuffle dealt round-robin, so folds differ in size by one at most. */
  static int[] folds(int n, int k, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] fold = new int[n];
    for (int r = 0; r < n; r++) {
      fold[order[r]] = r % k;
    }
    return fold;
  }
}
