package org.humiao.screening.semantic;

import org.humiao.screening.model.LabelledText;
import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.model.ToxicityTrainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Trains the models of the cascade from one labelled set: the n-gram model and the semantic head
 * (or a head per training {@link Source}, see {@link Heads}) on all of it, and the stacker on
 * out-of-fold scores (each fold scored by an n-gram model and heads trained on the other folds; see
 * {@link StackFolds}), so the stacker never sees a score of a model that was trained on the text.
 * Deterministic: fixed seeds, single-threaded, so equal input gives equal bytes.
 */
public final class SemanticTrainer {

  /**
   * Training options.
   *
   * @param folds k of the k-fold that makes the stacker's out-of-fold scores
   * @param seed fold assignment seed
   * @param shortLength normalized length below which a text counts as short (policy model.min-length)
   * @param stackFolds how the out-of-fold scores are folded
   * @param heads one head for all sources or one per source
   */
  public record Options(int folds, long seed, ToxicityTrainer.Options ngram, SemanticHead.Options head, int shortLength,
      StackFolds stackFolds, Heads heads) {
    public Options {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2");
      }
      Objects.requireNonNull(stackFolds, "stackFolds");
      Objects.requireNonNull(heads, "heads");
    }

    public static Options defaults(int shortLength) {
      return new Options(5, 20261207L, ToxicityTrainer.Options.defaults(), SemanticHead.Options.defaults(), shortLength,
          StackFolds.RANDOM, Heads.ONE);
    }

    public Options withStackFolds(StackFolds how) {
      return new Options(folds, seed, ngram, head, shortLength, how, heads);
    }

    public Options withHead(SemanticHead.Options options) {
      return new Options(folds, seed, ngram, options, shortLength, stackFolds, heads);
    }

    public Options withHeads(Heads how) {
      return new Options(folds, seed, ngram, head, shortLength, stackFolds, how);
    }

    /**
     * The same training dealt another way: deal {@code d} deals the stacker's folds with
     * {@code seed + d} and starts the heads from {@code head.seed + d} (deal 0 is these options).
     * The n-gram model's own shuffle keeps its seed, so the n-gram model on all the data is the
     * same in every deal; only the out-of-fold models and the heads change.
     */
    public Options dealt(int d) {
      return new Options(folds, seed + d, ngram, head.withSeed(head.seed() + d), shortLength, stackFolds, heads);
    }
  }

  /** Where a training text comes from; a head per source keeps them apart. */
  public enum Source {
    /** The first training file: COLD's comments. */
    COMMENTS,
    /** Any later training file: our own written sentences of school, game and streaming life. */
    SENTENCES
  }

  /** How many semantic heads the cascade has. */
  public enum Heads {
    /** One head trained on every source's texts (the stacker has 5 features). */
    ONE,
    /**
     * A head per {@link Source}, each trained on its own source's texts and both run on every text;
     * the stacker weighs them apart (7 features), since a head that is strong on one source's texts
     * need not be on the other's.
     */
    PER_SOURCE,
    /**
     * A head per source and a third, the gate, trained to tell the sources apart (probability that a
     * text is one of our sentences); the stacker weighs each source's head by the gate, so a text
     * that reads like a COLD comment is judged by the comments' head and one that reads like our
     * sentences by theirs (11 features). In service a text has no source: the gate stands in for it.
     */
    GATED;

    /** The heads this choice trains, the gate last. */
    int count() {
      return switch (this) {
        case ONE -> 1;
        case PER_SOURCE -> Source.values().length;
        case GATED -> Source.values().length + 1;
      };
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
   * how many times training counts it (at least 1), its topic (empty when it has none) and its source.
   */
  public record Example(String text, boolean offensive, float[] vector, int weight, String topic, Source source) {
    public Example {
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be at least 1: " + weight);
      }
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(source, "source");
    }

    public Example(String text, boolean offensive, float[] vector, int weight, String topic) {
      this(text, offensive, vector, weight, topic, Source.COMMENTS);
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
   * @param heads one head, or one per {@link Source} in its order
   * @param outOfFoldNgram each example's n-gram probability from a model that did not see it
   * @param outOfFoldHeads each head's probability of each example from a head that did not see it: [head][example]
   */
  public record Trained(ToxicityModel ngram, List<SemanticHead> heads, Stacker stacker, double[] outOfFoldNgram,
      double[][] outOfFoldHeads) {
    public Trained {
      heads = List.copyOf(heads);
    }

    /** The only head, or with a head per source the comments' head. */
    public SemanticHead head() {
      return heads.get(0);
    }

    /** {@link #head()}'s out-of-fold probabilities. */
    public double[] outOfFoldSemantic() {
      return outOfFoldHeads[0];
    }

    /** The heads and the stacker, as the semantic tier loads them. */
    public SemanticModels semanticModels() {
      return new SemanticModels(heads, stacker);
    }
  }

  private SemanticTrainer() {}

  public static Trained train(List<Example> examples, String encoderId, Options o) {
    return train(examples, encoderId, o, trainNgram(examples, o));
  }

  /**
   * {@link #train(List, String, Options)} with the n-gram model on all of {@code examples} already
   * trained ({@link #trainNgram}), as several deals of one training share it.
   */
  public static Trained train(List<Example> examples, String encoderId, Options o, ToxicityModel ngramOnAll) {
    int n = examples.size();
    List<String> topics = o.stackFolds() == StackFolds.TOPICS
        ? examples.stream().map(Example::topic).filter(t -> !t.isEmpty()).distinct().sorted().toList()
        : List.of();
    int[] fold = stackFolds(examples, topics, o);
    int parts = Math.max(o.folds(), topics.size());
    int headCount = o.heads().count();
    double[] oofNgram = new double[n];
    double[][] oofHeads = new double[headCount][n];
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
      List<SemanticHead> heads = trainHeads(in, encoderId, o);
      for (int i = 0; i < n; i++) {
        if (fold[i] == k) {
          oofNgram[i] = ngram.score(examples.get(i).text());
          for (int h = 0; h < headCount; h++) {
            oofHeads[h][i] = heads.get(h).score(examples.get(i).vector());
          }
        }
      }
    }
    // folds are dealt over distinct examples, so a weighted one never scores itself; the stacker
    // then counts each out-of-fold score as often as its example's weight
    int total = examples.stream().mapToInt(Example::weight).sum();
    double[] stackNgram = new double[total];
    double[][] stackHeads = new double[headCount][total];
    int[] lengths = new int[total];
    boolean[] labels = new boolean[total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      for (int w = 0; w < e.weight(); w++, at++) {
        stackNgram[at] = oofNgram[i];
        for (int h = 0; h < headCount; h++) {
          stackHeads[h][at] = oofHeads[h][i];
        }
        lengths[at] = e.text().length();
        labels[at] = e.offensive();
      }
    }
    String folding = topics.isEmpty() ? o.folds() + "-fold"
        : "cross-topic (" + String.join(", ", topics) + " each scored without its topic, the rest " + o.folds() + "-fold)";
    String perSource = switch (o.heads()) {
      case ONE -> "";
      case PER_SOURCE -> ", a head per source (" + Arrays.toString(Source.values()) + ")";
      case GATED -> ", a head per source (" + Arrays.toString(Source.values()) + ") and a gate between them";
    };
    Stacker stacker = Stacker.train(stackNgram, stackHeads, lengths, labels, o.shortLength(),
        "logistic regression on " + folding + " out-of-fold scores of " + n + " texts (" + total
            + " with weights), seed " + o.seed() + perSource);
    return new Trained(ngramOnAll, trainHeads(examples, encoderId, o), stacker, oofNgram, oofHeads);
  }

  /** The n-gram model on these examples, each counted as often as its weight; the fold deal does not change it. */
  public static ToxicityModel trainNgram(List<Example> examples, Options o) {
    List<LabelledText> texts = examples.stream().map(e -> new LabelledText(e.text(), e.offensive(), "", e.weight())).toList();
    return ToxicityTrainer.train(LabelledText.expanded(texts), o.ngram(), UnaryOperator.identity());
  }

  /**
   * One head on all examples, or a head per source on that source's examples (each source must have
   * some), and with {@link Heads#GATED} the gate on all examples, labelled by source.
   */
  private static List<SemanticHead> trainHeads(List<Example> examples, String encoderId, Options o) {
    if (o.heads() == Heads.ONE) {
      return List.of(trainHead(examples, encoderId, o.head()));
    }
    List<SemanticHead> heads = new ArrayList<>();
    for (Source source : Source.values()) {
      List<Example> own = examples.stream().filter(e -> e.source() == source).toList();
      if (own.isEmpty()) {
        throw new IllegalArgumentException("a head per source needs texts of every source; none of " + source
            + " (give the comments first, then the sentences)");
      }
      heads.add(trainHead(own, encoderId, o.head()));
    }
    if (o.heads() == Heads.GATED) {
      List<Example> bySource = examples.stream()
          .map(e -> new Example(e.text(), e.source() == Source.SENTENCES, e.vector(), e.weight(), e.topic(), e.source())).toList();
      heads.add(trainHead(bySource, encoderId, o.head()));
    }
    return heads;
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
