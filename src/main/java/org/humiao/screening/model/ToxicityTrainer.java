package org.humiao.screening.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Trains a {@link ToxicityModel}: logistic regression over hashed character n-grams, optimised by
 * AdaGrad with (lazy, active-feature) L2 regularisation for a fixed number of epochs over a seeded
 * shuffle, optionally with averaged weights and with NB-LR feature scaling (each feature scaled by
 * its naive-Bayes log-count ratio, Wang &amp; Manning 2012; the ratio is folded into the final
 * weights so scoring is unchanged).
 *
 * <p>Training is deterministic: single-threaded, fixed seed and epoch count, so equal input and
 * options give a byte-identical model file.
 */
public final class ToxicityTrainer {

  /**
   * Training options.
   *
   * @param features feature extraction (stored in the model)
   * @param epochs passes over the data
   * @param learningRate AdaGrad base step size
   * @param l2 L2 regularisation strength (applied to the active features of each example)
   * @param nbWeighting scale features by NB log-count ratios (NB-LR)
   * @param nbAlpha additive smoothing of the NB counts
   * @param averaging return the average of the weights over all steps
   * @param seed shuffling seed
   */
  public record Options(
      FeatureConfig features,
      int epochs,
      double learningRate,
      double l2,
      boolean nbWeighting,
      double nbAlpha,
      boolean averaging,
      long seed) {

    public Options {
      Objects.requireNonNull(features);
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1");
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learningRate must be > 0");
      }
      if (!(l2 >= 0)) {
        throw new IllegalArgumentException("l2 must be >= 0");
      }
      if (!(nbAlpha > 0)) {
        throw new IllegalArgumentException("nbAlpha must be > 0");
      }
    }

    /** The configuration chosen on COLD dev (see the training report). */
    public static Options defaults() {
      return new Options(FeatureConfig.defaults(), 5, 0.3, 1e-6, true, 1.0, true, 20240601L);
    }

    public Options withFeatures(FeatureConfig f) {
      return new Options(f, epochs, learningRate, l2, nbWeighting, nbAlpha, averaging, seed);
    }

    public Options withEpochs(int e) {
      return new Options(features, e, learningRate, l2, nbWeighting, nbAlpha, averaging, seed);
    }



    public Options withNbWeighting(boolean b) {
      return new Options(features, epochs, learningRate, l2, b, nbAlpha, averaging, seed);
    }


    public Options withAveraging(boolean b) {
      return new Options(features, epochs, learningRate, l2, nbWeighting, nbAlpha, b, seed);
    }

    public Options withSeed(long s) {
      return new Options(features, epochs, learningRate, l2, nbWeighting, nbAlpha, averaging, s);
    }

    /** A compact, locale-independent description (stored as model metadata). */
    public String describe() {
      FeatureConfig f = features;
      return String.format(Locale.ROOT,
          "char %d-%d grams, 2^%d buckets, boundary=%s, lengthNorm=%s; adagrad lr=%s l2=%s epochs=%d"
              + " nb=%s alpha=%s avg=%s seed=%d",
          f.minN(), f.maxN(), f.bucketBits(), f.boundaryMarkers(), f.lengthNormalized(),
          learningRate, l2, epochs, nbWeighting, nbAlpha, averaging, seed);
    }
  }

  /** A decision threshold and the metrics it gives on the set it was chosen on. */
  public record ThresholdChoice(double threshold, ClassifierMetrics metrics) {}

  private ToxicityTrainer() {}

  /**
   * Trains a model. {@code data} is iterated exactly once; each text is passed through
   * {@code preprocess} (which must be the same function the scorer's caller applies).
   * The model's threshold is 0.5; choose a better one with {@link #selectThreshold}.
   */
  public static ToxicityModel train(
      Iterable<LabelledText> data, Options options, UnaryOperator<String> preprocess) {
    Objects.requireNonNull(preprocess);
    Dataset ds = Dataset.build(data, options.features(), preprocess);
    return train(ds, options);
  }

  /** {@link #train(Iterable, Options, UnaryOperator)} for a (single-use) stream. */
  public static ToxicityModel train(
      java.util.stream.Stream<LabelledText> data, Options options, UnaryOperator<String> preprocess) {
    return train((Iterable<LabelledText>) data::iterator, options, preprocess);
  }

  static ToxicityModel train(Dataset ds, Options o) {
    final FeatureConfig fc = o.features();
    final int buckets = fc.buckets();
    final int n = ds.size;
    final int[] off = ds.offsets;
    final int[] idx = ds.indices;
    final boolean[] y = ds.labels;

    // feature values: count * length norm * (NB ratio)
    final float[] x = new float[off[n]];
    float[] ratio = o.nbWeighting() ? nbRatios(ds, buckets, o.nbAlpha()) : null;
    for (int d = 0; d < n; d++) {
      double norm = fc.lengthNormalized() && ds.occurrences[d] > 0 ? 1.0 / Math.sqrt(ds.occurrences[d]) : 1.0;
      for (int j = off[d]; j < off[d + 1]; j++) {
        double v = ds.counts[j] * norm;
        if (ratio != null) {
          v *= ratio[idx[j]];
        }
        x[j] = (float) v;
      }
    }

    final double[] w = new double[buckets];
    final double[] g2 = new double[buckets];
    final double[] u = o.averaging() ? new double[buckets] : null;
    double b = 0;
    double bg2 = 0;
    double bu = 0;
    final double eta = o.learningRate();
    final double l2 = o.l2();
    final double eps = 1e-8;
    long step = 0;

    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(o.seed());
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int k = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[k];
        order[k] = t;
      }
      for (int r = 0; r < n; r++) {
        int d = order[r];
        int s = off[d];
        int e = off[d + 1];
        double z = b;
        for (int j = s; j < e; j++) {
          z += w[idx[j]] * x[j];
        }
        double g = ToxicityModel.sigmoid(z) - (y[d] ? 1.0 : 0.0);
        for (int j = s; j < e; j++) {
          int f = idx[j];
          double gi = g * x[j] + l2 * w[f];
          double acc = g2[f] + gi * gi;
          g2[f] = acc;
          double delta = -eta * gi / Math.sqrt(acc + eps);
          w[f] += delta;
          if (u != null) {
            u[f] += step * delta;
          }
        }
        bg2 += g * g;
        double bd = -eta * g / Math.sqrt(bg2 + eps);
        b += bd;
        bu += step * bd;
        step++;
      }
    }

    float[] out = new float[buckets];
    for (int f = 0; f < buckets; f++) {
      double v = u != null ? w[f] - u[f] / step : w[f];
      if (ratio != null) {
        v *= ratio[f];
      }
      out[f] = (float) v;
    }
    double bias = o.averaging() ? b - bu / step : b;
    return new ToxicityModel(fc, out, (float) bias, 0.5, o.describe());
  }

  /** NB log-count ratios over binary document presence, per bucket. */
  static float[] nbRatios(Dataset ds, int buckets, double alpha) {
    double[] p = new double[buckets];
    double[] q = new double[buckets];
    for (int d = 0; d < ds.size; d++) {
      double[] t = ds.labels[d] ? p : q;
      for (int j = ds.offsets[d]; j < ds.offsets[d + 1]; j++) {
        t[ds.indices[j]] += 1;
      }
    }
    double ps = alpha * buckets;
    double qs = alpha * buckets;
    for (int f = 0; f < buckets; f++) {
      ps += p[f];
      qs += q[f];
    }
    float[] r = new float[buckets];
    double lnorm = Math.log(qs / ps);
    for (int f = 0; f < buckets; f++) {
      r[f] = (float) (Math.log((p[f] + alpha) / (q[f] + alpha)) + lnorm);
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Threshold selection and evaluation

  /**
   * Picks the threshold that maximises F1 of the offensive class on {@code dev}. The threshold is
   * placed midway between the lowest score called offensive and the next lower score; ties in F1
   * go to the higher threshold.
   */
  public static ThresholdChoice selectThreshold(
      ToxicityModel model, Iterable<LabelledText> dev, UnaryOperator<String> preprocess) {
    double[] scores = new double[1024];
    boolean[] labels = new boolean[1024];
    int n = 0;
    for (LabelledText t : dev) {
      if (n == scores.length) {
        scores = Arrays.copyOf(scores, n * 2);
        labels = Arrays.copyOf(labels, n * 2);
      }
      scores[n] = model.score(preprocess.apply(t.text()));
      labels[n] = t.offensive();
      n++;
    }
    return selectThreshold(Arrays.copyOf(scores, n), Arrays.copyOf(labels, n));
  }

  /** Threshold selection on precomputed scores. */
  public static ThresholdChoice selectThreshold(double[] scores, boolean[] labels) {
    int n = scores.length;
    if (labels.length != n) {
      throw new IllegalArgumentException("length mismatch");
    }
    Integer[] boxed = new Integer[n];
    long positives = 0;
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
      if (labels[i]) {
        positives++;
      }
    }
    // descending score, ties by index for determinism
    Arrays.sort(boxed, (a, c) -> {
      int cmp = Double.compare(scores[c], scores[a]);
      return cmp != 0 ? cmp : Integer.compare(a, c);
    });
    long tp = 0;
    long fp = 0;
    double bestF1 = -1;
    double bestThr = 1.0;
    long bestTp = 0;
    long bestFp = 0;
    for (int k = 0; k < n; k++) {
      int i = boxed[k];
      if (labels[i]) {
        tp++;
      } else {
        fp++;
      }
      double cur = scores[i];
      boolean boundary = k == n - 1 || scores[boxed[k + 1]] < cur;
      if (!boundary) {
        continue;
      }
      long fn = positives - tp;
      double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestTp = tp;
        bestFp = fp;
        if (k == n - 1) {
          bestThr = cur;
        } else {
          double next = scores[boxed[k + 1]];
          double mid = cur + (next - cur) / 2;
          bestThr = mid > next && mid <= cur ? mid : cur;
        }
      }
    }
    if (n == 0) {
      return new ThresholdChoice(0.5, ClassifierMetrics.of(0, 0, 0, 0));
    }
    long negatives = n - positives;
    ClassifierMetrics m = ClassifierMetrics.of(bestTp, bestFp, negatives - bestFp, positives - bestTp);
    return new ThresholdChoice(Math.min(1.0, Math.max(0.0, bestThr)), m);
  }

  /** Metrics of {@code model} at {@code threshold} on a labelled set. */
  public static ClassifierMetrics evaluate(
      ToxicityModel model, Iterable<LabelledText> data, UnaryOperator<String> preprocess, double threshold) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (LabelledText t : data) {
      boolean pred = model.score(preprocess.apply(t.text())) >= threshold;
      if (pred) {
        if (t.offensive()) {
          tp++;
        } else {
          fp++;
        }
      } else if (t.offensive()) {
        fn++;
      } else {
        tn++;
      }
    }
    return ClassifierMetrics.of(tp, fp, tn, fn);
  }

  // ---------------------------------------------------------------------------------------------

  /** Hashed, de-duplicated training examples in flat primitive arrays. */
  static final class Dataset {
    int size;
    int[] offsets = new int[1025];
    int[] indices = new int[1 << 16];
    float[] counts = new float[1 << 16];
    int[] occurrences = new int[1024];
    boolean[] labels = new boolean[1024];

    static Dataset build(Iterable<LabelledText> data, FeatureConfig fc, UnaryOperator<String> preprocess) {
      Dataset ds = new Dataset();
      int[] buf = new int[256];
      for (LabelledText t : data) {
        String s = preprocess.apply(t.text());
        int need = fc.maxFeatures(s.length());
        if (buf.length < need) {
          buf = new int[Math.max(need, buf.length * 2)];
        }
        int m = fc.extract(s, buf);
        ds.add(buf, m, t.offensive());
      }
      return ds;
    }

    void add(int[] buf, int m, boolean label) {
      Arrays.sort(buf, 0, m);
      int start = offsets[size];
      int end = start;
      if (indices.length < start + m) {
        int cap = Math.max(start + m, indices.length * 2);
        indices = Arrays.copyOf(indices, cap);
        counts = Arrays.copyOf(counts, cap);
      }
      for (int j = 0; j < m; j++) {
        if (end > start && indices[end - 1] == buf[j]) {
          counts[end - 1] += 1;
        } else {
          indices[end] = buf[j];
          counts[end] = 1;
          end++;
        }
      }
      if (size + 1 >= labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
        occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      labels[size] = label;
      occurrences[size] = m;
      size++;
      offsets[size] = end;
    }
  }
}
