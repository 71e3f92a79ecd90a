package org.humiao.screening.semantic;

import org.humiao.screening.model.LabelledText;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.model.ToxicityTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Trains the three models of the cascade from one labelled set: the n-gram model and the semantic
 * head on all of it, and the stacker on out-of-fold scores (each fold scored by an n-gram model and
 * a head trained on the other folds; see {@link StackFolds}), so the stacker never sees a score of a
 * model that was trained on the text. Deterministic: fixed seeds, single-threaded, so equal input
 * gives equal bytes.
 */
public final class SemanticTrainer {

  /**
   * Training options.
   *
   * @param folds k of the k-fold that makes the stacker's out-of-fold scores
   * @param seed fold assignment seed
   * @param shortLength normalized length below which a text counts as short (policy model.min-length)
   * @param stackFolds how the out-of-fold scores are folded
   */
  public record Options(int folds, long seed, ToxicityTrainer.Options ngram, SemanticHead.Options head, int shortLength,
      StackFolds stackFolds) {
    public Options {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2");
      }
      Objects.requireNonNull(stackFolds, "stackFolds");
    }

    public static Options defaults(int shortLength) {
      return new Options(5, 20261207L, ToxicityTrainer.Options.defaults(), SemanticHead.Options.defaults(), shortLength,
          StackFolds.RANDOM);
    }

    public Options withStackFolds(StackFolds how) {
      return new Options(folds, seed, ngram, head, shortLength, how);
    }

    public Options withHead(SemanticHead.Options options) {
      return new Options(folds, seed, ngram, options, shortLength, stackFolds);
    }
  }

  /** How the stacker's out-of-fold scores are folded. */
  public enum StackFolds {
    /** k seeded folds over all examples: the stacker learns each model's trust on texts like its training. */
    RANDOM,
    /**
     * An example with a topic is scored by models trained without any row of its topic; examples
     * without one keep their k seeded folds. The stacker then learns how far to trust each model on
     * a topic it never saw, which is what an unseen topic in service asks of it.
     */
    TOPICS
  }

  /**
   * One training text, already normalized the way the engine normalizes, with its encoder vector,
   * how many times training counts it (at least 1) and its topic (empty when it has none).
   */
  public record Example(String text, boolean offensive, float[] vector, int weight, String topic) {
    public Example {
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be at least 1: " + weight);
      }
      Objects.requireNonNull(topic, "topic");
    }

    public Example(String text, boolean offensive, float[] vector, int weight) {
      this(text, offensive, vector, weight, "");
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
    List<String> topics = o.stackFolds() == StackFolds.TOPICS
        ? examples.stream().map(Example::topic).filter(t -> !t.isEmpty()).distinct().sorted().toList()
        : List.of();
    int[] fold = stackFolds(examples, topics, o);
    int parts = Math.max(o.folds(), topics.size());
    double[] oofNgram = new double[n];
    double[] oofSemantic = new double[n];
    for (int k = 0; k < parts; k++) {
      List<Example> in = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != k) {
          in.add(examples.get(i));
        }
      }
      if (in.isEmpty()) {
        throw new IllegalArgumentException("nothing to train on without " + (k < topics.size() ? "topic " + topics.get(k) : "fold " + k)
            + ": cross-topic stacking needs a second topic or texts without a topic");
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
    String folding = topics.isEmpty() ? o.folds() + "-fold"
        : "cross-topic (" + String.join(", ", topics) + " each scored without its topic, the rest " + o.folds() + "-fold)";
    Stacker stacker = Stacker.train(stackNgram, stackSemantic, lengths, labels, o.shortLength(),
        "logistic regression on " + folding + " out-of-fold scores of " + n + " texts (" + total
            + " with weights), seed " + o.seed());
    return new Trained(trainNgram(examples, o), trainHead(examples, encoderId, o), stacker, oofNgram, oofSemantic);
  }

  private static ToxicityModel trainNgram(List<Example> examples, Options o) {
    List<LabelledText> texts = examples.stream().map(e -> new LabelledText(e.text(), e.offensive(), "", e.weight())).toList();
    return ToxicityTrainer.train(LabelledText.expanded(texts), o.ngram(), UnaryOperator.identity());
  }

  private static SemanticHead trainHead(List<Example> examples, String encoderId, Options o) {
    return trainHead(examples, encoderId, o.head());
  }

  /** A head alone on these examples, each counted as often as its weight. */
  public static SemanticHead trainHead(List<Example> examples, String encoderId, SemanticHead.Options o) {
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
    return SemanticHead.train(encoderId, x, y, o);
  }

  /**
   * Which part of the out-of-fold scoring judges each example: its seeded fold, or with
   * {@code topics} given, the index of its topic (the models of part i are trained without that
   * topic and without fold i of the texts that have none, so one training serves both).
   */
  static int[] stackFolds(List<Example> examples, List<String> topics, Options o) {
    int[] fold = folds(examples.size(), o.folds(), o.seed());
    for (int i = 0; i < fold.length; i++) {
      String topic = examples.get(i).topic();
      if (!topic.isEmpty() && !topics.isEmpty()) {
        fold[i] = topics.indexOf(topic);
      }
    }
    return fold;
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
