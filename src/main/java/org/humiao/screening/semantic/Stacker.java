package org.humiao.screening.semantic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Logistic regression over the n-gram model's and the semantic heads' log-odds (and whether the
 * text is shorter than the n-gram model's minimum length), trained on out-of-fold scores so it
 * learns how far each model can be trusted on texts it did not see. Lexicon findings stay out:
 * they keep combining by the DecisionPolicy rules, so the stack stays valid when the lexicon changes.
 *
 * <p>File: {@link ModelFile} envelope, magic "HMSK". Version 1 (one head, 5 features): body = int
 * short-length, int weight count, that many floats (bias first, in the order of {@link #features}).
 * Version 2 (a head per training source, 7 features; or with a third head, the gate between the
 * sources, 11 features): int short-length, int head count, then as version 1. A one-head stacker
 * is still written as version 1, so its bytes are those of before.
 */
public final class Stacker {
  static final int MAGIC = 0x484D534B;
  static final short VERSION = 1;
  static final short VERSION_HEADS = 2;
  /** One head per training source and the gate between them. */
  static final int MAX_HEADS = 3;
  /** With this many heads the last is the gate: the probability that a text reads like our sentences. */
  static final int GATED = 3;
  private static final double CLIP = 8;

  private final float[] weights;
  private final int heads;
  private final int shortLength;
  private final String metadata;

  Stacker(float[] weights, int heads, int shortLength, String metadata) {
    if (heads < 1 || heads > MAX_HEADS) {
      throw new IllegalArgumentException("a stacker takes 1 to " + MAX_HEADS + " heads, not " + heads);
    }
    if (weights.length != featureCount(heads) + 1) {
      throw new IllegalArgumentException("stacker needs " + (featureCount(heads) + 1) + " weights, got " + weights.length);
    }
    this.weights = weights.clone();
    this.heads = heads;
    this.shortLength = shortLength;
    this.metadata = metadata;
  }

  /**
   * Both log-odds (n-gram and each head's), the short flag, and each log-odds again for short texts;
   * with a gate, the gate and each of those log-odds again times the gate.
   */
  static int featureCount(int heads) {
    return heads == GATED ? 4 * 2 + 3 : 2 * (heads + 1) + 1;
  }

  /** How many semantic heads' probabilities {@link #score(double, double[], int)} takes, in training-source order. */
  public int heads() {
    return heads;
  }

  /** Normalized length below which a text counts as short (the n-gram model's min-length when trained). */
  public int shortLength() {
    return shortLength;
  }

  public String metadata() {
    return metadata;
  }

  /** Probability that a text is offensive given both models' probabilities and its normalized length (one head). */
  public double score(double ngram, double semantic, int length) {
    return score(ngram, new double[] {semantic}, length);
  }

  /** Probability that a text is offensive given the n-gram model's and each head's probability and its length. */
  public double score(double ngram, double[] semantic, int length) {
    if (semantic.length != heads) {
      throw new IllegalArgumentException("this stacker takes " + heads + " head scores, got " + semantic.length);
    }
    double[] x = features(ngram, semantic, length < shortLength);
    double z = weights[0];
    for (int i = 0; i < x.length; i++) {
      z += weights[i + 1] * x[i];
    }
    return SemanticHead.sigmoid(z);
  }

  /**
   * The inputs: the n-gram log-odds, each head's log-odds, the short flag, then the n-gram's and
   * each head's log-odds again for short texts only (one head: the five features of version 1, in
   * their order).
   */
  static double[] features(double ngram, double[] semantic, boolean isShort) {
    if (semantic.length == GATED) {
      return gatedFeatures(ngram, semantic, isShort);
    }
    int h = semantic.length;
    double[] x = new double[featureCount(h)];
    x[0] = logit(ngram);
    for (int i = 0; i < h; i++) {
      x[1 + i] = logit(semantic[i]);
    }
    double s = isShort ? 1 : 0;
    x[h + 1] = s;
    for (int i = 0; i <= h; i++) {
      x[h + 2 + i] = s * x[i];
    }
    return x;
  }

  /**
   * The two-head features followed by the gate g and the n-gram's and each head's log-odds times g:
   * the stacker can then trust the comments' head where g is near 0 and the sentences' where it is near 1.
   */
  private static double[] gatedFeatures(double ngram, double[] semantic, boolean isShort) {
    double[] plain = features(ngram, new double[] {semantic[0], semantic[1]}, isShort);
    double g = semantic[2];
    double[] x = Arrays.copyOf(plain, featureCount(GATED));
    x[plain.length] = g;
    for (int i = 0; i < 3; i++) {
      x[plain.length + 1 + i] = g * plain[i];
    }
    return x;
  }

  static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.max(-CLIP, Math.min(CLIP, Math.log(q / (1 - q))));
  }

  /**
   * Fits by Newton's method with a small L2 penalty (exact and deterministic for a dozen weights at most).
   *
   * @param ngram out-of-fold n-gram probabilities
   * @param semantic out-of-fold probabilities of each head: semantic[head][text]
   */
  public static Stacker train(double[] ngram, double[][] semantic, int[] lengths, boolean[] labels, int shortLength, String metadata) {
    int n = labels.length;
    int heads = semantic.length;
    int d = featureCount(heads) + 1;
    double[][] x = new double[n][];
    double[] scores = new double[heads];
    for (int i = 0; i < n; i++) {
      for (int h = 0; h < heads; h++) {
        scores[h] = semantic[h][i];
      }
      double[] f = features(ngram[i], scores, lengths[i] < shortLength);
      x[i] = new double[d];
      x[i][0] = 1;
      System.arraycopy(f, 0, x[i], 1, f.length);
    }
    double l2 = 1e-3 * n;
    double[] w = new double[d];
    for (int iter = 0; iter < 25; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int i = 0; i < n; i++) {
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += w[j] * x[i][j];
        }
        double p = SemanticHead.sigmoid(z);
        double g = p - (labels[i] ? 1 : 0);
        double h = Math.max(p * (1 - p), 1e-9);
        for (int j = 0; j < d; j++) {
          grad[j] += g * x[i][j];
          for (int k = 0; k < d; k++) {
            hess[j][k] += h * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        grad[j] += l2 * w[j];
        hess[j][j] += l2;
      }
      double[] step = solve(hess, grad);
      double size = 0;
      for (int j = 0; j < d; j++) {
        w[j] -= step[j];
        size = Math.max(size, Math.abs(step[j]));
      }
      if (size < 1e-9) {
        break;
      }
    }
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) w[j];
    }
    return new Stacker(out, heads, shortLength, metadata);
  }

  /** Gaussian elimination with partial pivoting on a small dense system. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  public byte[] toBytes() {
    return ModelFile.toBytes(MAGIC, heads == 1 ? VERSION : VERSION_HEADS, metadata, out -> {
      out.writeInt(shortLength);
      if (heads > 1) {
        out.writeInt(heads);
      }
      out.writeInt(weights.length);
      ModelFile.writeFloats(out, weights);
    });
  }

  public void write(Path path) throws IOException {
    ModelFile.write(path, toBytes());
  }

  public static Stacker read(Path path) throws IOException {
    try {
      ModelFile.Parsed p = ModelFile.parse(Files.readAllBytes(path), MAGIC, VERSION, VERSION_HEADS, "stacker");
      ByteBuffer in = p.body();
      int shortLength = in.getInt();
      int heads = p.version() == VERSION ? 1 : in.getInt();
      int count = in.getInt();
      float[] w = ModelFile.floats(in, count);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes in stacker file");
      }
      return new Stacker(w, heads, shortLength, p.metadata());
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }
}
