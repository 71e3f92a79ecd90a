package org.humiao.screening.semantic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Logistic regression over an encoder's vector: the probability that a text is offensive from its
 * meaning rather than its characters. Chosen over a one-hidden-layer MLP, which cost minutes to
 * train per fold here and is left for later (see docs/screening-quality.md).
 *
 * <p>Trained on standardized features with mini-batch Adam over a seeded shuffle, single-threaded,
 * so equal input gives equal bytes; the standardization is folded into the stored weights.
 * File: {@link ModelFile} envelope, magic "HMSH", body = UTF-8 encoder id (short+bytes), int
 * dimension, float bias, dimension floats.
 */
public final class SemanticHead {
  static final int MAGIC = 0x484D5348;
  static final short VERSION = 1;

  /**
   * Training options.
   *
   * @param epochs passes over the data
   * @param learningRate Adam step size
   * @param l2 L2 penalty on the (standardized) weights
   * @param batch examples per step
   * @param seed shuffling seed
   */
  public record Options(int epochs, double learningRate, double l2, int batch, long seed) {
    public static Options defaults() {
      return new Options(20, 0.05, 1e-4, 64, 20261206L);
    }

    public String describe() {
      return "logistic regression on standardized features; adam lr=" + learningRate + " l2=" + l2
          + " epochs=" + epochs + " batch=" + batch + " seed=" + seed;
    }
  }

  private final String encoderId;
  private final float[] weights;
  private final float bias;
  private final String metadata;

  SemanticHead(String encoderId, float[] weights, float bias, String metadata) {
    this.encoderId = encoderId;
    this.weights = weights;
    this.bias = bias;
    this.metadata = metadata;
  }

  /** The encoder whose vectors this head reads; a head is useless with any other. */
  public String encoderId() {
    return encoderId;
  }

  public int dimension() {
    return weights.length;
  }

  public String metadata() {
    return metadata;
  }

  /** Probability that the text behind {@code vector} is offensive. */
  public double score(float[] vector) {
    if (vector.length != weights.length) {
      throw new IllegalArgumentException("vector of " + vector.length + ", head reads " + weights.length);
    }
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * vector[i];
    }
    return sigmoid(z);
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  public static SemanticHead train(String encoderId, float[][] x, boolean[] y, Options o) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (float[] v : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (float[] v : x) {
      for (int j = 0; j < d; j++) {
        double c = v[j] - mean[j];
        sd[j] += c * c;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / n) + 1e-6;
    }
    double[] w = new double[d + 1]; // last entry: bias
    double[] m = new double[d + 1];
    double[] s = new double[d + 1];
    double[] g = new double[d + 1];
    double[] z = new double[d];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(o.seed());
    long t = 0;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int k = rnd.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[k];
        order[k] = tmp;
      }
      for (int start = 0; start < n; start += o.batch()) {
        int end = Math.min(n, start + o.batch());
        java.util.Arrays.fill(g, 0);
        for (int r = start; r < end; r++) {
          float[] v = x[order[r]];
          double dot = w[d];
          for (int j = 0; j < d; j++) {
            z[j] = (v[j] - mean[j]) / sd[j];
            dot += w[j] * z[j];
          }
          double err = sigmoid(dot) - (y[order[r]] ? 1 : 0);
          for (int j = 0; j < d; j++) {
            g[j] += err * z[j];
          }
          g[d] += err;
        }
        int size = end - start;
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int j = 0; j <= d; j++) {
          double gj = g[j] / size + (j < d ? o.l2() * w[j] : 0);
          m[j] = 0.9 * m[j] + 0.1 * gj;
          s[j] = 0.999 * s[j] + 0.001 * gj * gj;
          w[j] -= o.learningRate() * (m[j] / c1) / (Math.sqrt(s[j] / c2) + 1e-8);
        }
      }
    }
    float[] folded = new float[d];
    double bias = w[d];
    for (int j = 0; j < d; j++) {
      folded[j] = (float) (w[j] / sd[j]);
      bias -= w[j] * mean[j] / sd[j];
    }
    return new SemanticHead(encoderId, folded, (float) bias, o.describe());
  }

  public byte[] toBytes() {
    return ModelFile.toBytes(MAGIC, VERSION, metadata, out -> {
      out.writeUTF(encoderId);
      out.writeInt(weights.length);
      out.writeFloat(bias);
      ModelFile.writeFloats(out, weights);
    });
  }

  public void write(Path path) throws IOException {
    ModelFile.write(path, toBytes());
  }

  public static SemanticHead read(Path path) throws IOException {
    try {
      return fromBytes(Files.readAllBytes(path));
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  static SemanticHead fromBytes(byte[] data) {
    ModelFile.Parsed p = ModelFile.parse(data, MAGIC, VERSION, "semantic head");
    ByteBuffer in = p.body();
    byte[] id = new byte[in.getShort() & 0xFFFF];
    in.get(id);
    int d = in.getInt();
    float bias = in.getFloat();
    float[] w = ModelFile.floats(in, d);
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes in semantic head file");
    }
    return new SemanticHead(new String(id, java.nio.charset.StandardCharsets.UTF_8), w, bias, p.metadata());
  }
}
