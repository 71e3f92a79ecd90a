package org.humiao.screening.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Immutable hashed character-n-gram logistic model.
 *
 * <p>{@link #score(CharSequence)} is thread-safe and allocation-free: it hashes the n-grams of the
 * (already pre-processed) text on the fly, sums their weights from a primitive float array and
 * applies the logistic function. The caller must pre-process the text the same way as it was done
 * in training (see {@link #metadata()}).
 *
 * <p>File format (big-endian), version 1:
 *
 * <pre>
 *   int    magic 0x484D5458 ("HMTX")
 *   short  version (1)
 *   byte   minN, maxN, bucketBits, flags (bit0 boundary markers, bit1 length normalised)
 *   int    hashSeed
 *   float  bias
 *   double threshold
 *   short+bytes  metadata (UTF-8, free text: training options, pre-processing)
 *   byte   weight encoding: 0 dense (2^bucketBits floats), 1 sparse (int count, then count x
 *          (varint gap from previous index + 1, float weight))
 *   ...    weights
 *   int    CRC32 of all preceding bytes
 * </pre>
 */
public final class ToxicityModel {

  public static final int MAGIC = 0x484D5458;
  public static final short VERSION = 1;
  private static final int ENC_DENSE = 0;
  private static final int ENC_SPARSE = 1;

  private final FeatureConfig features;
  private final float[] weights;
  private final float bias;
  private final double threshold;
  private final String metadata;

  // unpacked copies of the config for the hot loop
  private final int minN;
  private final int maxN;
  private final int mask;
  private final int hashSeed;
  private final boolean boundary;
  private final boolean lengthNorm;

  /** Takes ownership of {@code weights} (length must be {@code 2^bucketBits}). */
  ToxicityModel(FeatureConfig features, float[] weights, float bias, double threshold, String metadata) {
    this.features = Objects.requireNonNull(features);
    if (weights.length != features.buckets()) {
      throw new IllegalArgumentException("weights length " + weights.length + " != " + features.buckets());
    }
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0,1]: " + threshold);
    }
    if (!Float.isFinite(bias)) {
      throw new IllegalArgumentException("bias not finite");
    }
    this.weights = weights;
    this.bias = bias;
    this.threshold = threshold;
    this.metadata = metadata == null ? "" : metadata;
    this.minN = features.minN();
    this.maxN = features.maxN();
    this.mask = features.buckets() - 1;
    this.hashSeed = features.hashSeed();
    this.boundary = features.boundaryMarkers();
    this.lengthNorm = features.lengthNormalized();
  }

  public FeatureConfig features() {
    return features;
  }

  /** Decision threshold on {@link #score}: text is offensive iff {@code score >= threshold}. */
  public double threshold() {
    return threshold;
  }

  public String metadata() {
    return metadata;
  }

  float bias() {
    return bias;
  }

  float weight(int bucket) {
    return weights[bucket];
  }

  /** Number of non-zero weights. */
  public int nonZeroWeights() {
    int n = 0;
    for (float w : weights) {
      if (w != 0f) {
        n++;
      }
    }
    return n;
  }

  /** Same weights, another threshold (the weight array is shared; both are immutable). */
  public ToxicityModel withThreshold(double newThreshold) {
    return new ToxicityModel(features, weights, bias, newThreshold, metadata);
  }

  /** Probability-like score in [0,1] that the pre-processed {@code text} is offensive. */
  public double score(CharSequence text) {
    return sigmoid(margin(text));
  }

  /** {@code score(text) >= threshold()}. */
  public boolean isOffensive(CharSequence text) {
    return score(text) >= threshold;
  }

  /** The linear margin (log-odds) of the text. */
  public double margin(CharSequence s) {
    return maxN <= 4 ? marginRolling(s) : marginGeneric(s);
  }

  /**
   * Rolling-hash form of {@link FeatureConfig#extract} for n-grams up to length 4: the hash state
   * of the n-gram ending at position q is step(state of the (n-1)-gram ending at q-1, char q),
   * which is exactly the value the nested loop computes, in one pass and without inner loops.
   */
  private double marginRolling(CharSequence s) {
    final float[] w = weights;
    final int len = s.length();
    final int first = boundary ? -1 : 0;
    final int last = boundary ? len : len - 1;
    final int lo = minN;
    final int hi = maxN;
    final int m = mask;
    final int seed = hashSeed;
    int p1 = 0;
    int p2 = 0;
    int p3 = 0;
    int seen = 0;
    float sum = 0f;
    int count = 0;
    for (int q = first; q <= last; q++) {
      char c;
      boolean marker;
      if (q >= 0 && q < len) {
        c = s.charAt(q);
        marker = false;
      } else {
        c = q < 0 ? FeatureConfig.BEGIN : FeatureConfig.END;
        marker = true;
      }
      seen++;
      int h1 = FeatureConfig.step(seed, c);
      int h2 = FeatureConfig.step(p1, c);
      int h3 = FeatureConfig.step(p2, c);
      int h4 = FeatureConfig.step(p3, c);
      if (lo == 1 && !marker) {
        sum += w[FeatureConfig.finish(h1) & m];
        count++;
      }
      if (lo <= 2 && hi >= 2 && seen >= 2) {
        sum += w[FeatureConfig.finish(h2) & m];
        count++;
      }
      if (lo <= 3 && hi >= 3 && seen >= 3) {
        sum += w[FeatureConfig.finish(h3) & m];
        count++;
      }
      if (hi >= 4 && seen >= 4) {
        sum += w[FeatureConfig.finish(h4) & m];
        count++;
      }
      p1 = h1;
      p2 = h2;
      p3 = h3;
    }
    return finishMargin(sum, count);
  }

  private double marginGeneric(CharSequence s) {
    // Same enumeration as FeatureConfig.extract, without materialising the indices.
    final float[] w = weights;
    final int len = s.length();
    final int first = boundary ? -1 : 0;
    final int last = boundary ? len : len - 1;
    final int lo = minN;
    final int hi = maxN;
    final int m = mask;
    float sum = 0f;
    int count = 0;
    for (int i = first; i <= last; i++) {
      int h = hashSeed;
      int lim = Math.min(hi, last - i + 1);
      for (int k = 0; k < lim; k++) {
        int p = i + k;
        char c = p < 0 ? FeatureConfig.BEGIN : p >= len ? FeatureConfig.END : s.charAt(p);
        h = FeatureConfig.step(h, c);
        if (k + 1 >= lo && !(k == 0 && (p < 0 || p >= len))) {
          sum += w[FeatureConfig.finish(h) & m];
          count++;
        }
      }
    }
    return finishMargin(sum, count);
  }

  private double finishMargin(float sum, int count) {
    if (lengthNorm && count > 0) {
      return bias + sum / Math.sqrt(count);
    }
    return bias + sum;
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  // ---------------------------------------------------------------------------------------------
  // Serialisation

  /** The serialised model, deterministic for equal models. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
      out.writeByte(features.minN());
      out.writeByte(features.maxN());
      out.writeByte(features.bucketBits());
      out.writeByte((features.boundaryMarkers() ? 1 : 0) | (features.lengthNormalized() ? 2 : 0));
      out.writeInt(features.hashSeed());
      out.writeFloat(bias);
      out.writeDouble(threshold);
      byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
      if (meta.length > 0xFFFF) {
        throw new IllegalStateException("metadata too long");
      }
      out.writeShort(meta.length);
      out.write(meta);
      int nnz = nonZeroWeights();
      // sparse entry: <= 5 bytes gap + 4 bytes weight; typically ~6 bytes
      if ((long) nnz * 6 < 4L * weights.length) {
        out.writeByte(ENC_SPARSE);
        out.writeInt(nnz);
        int prev = -1;
        for (int i = 0; i < weights.length; i++) {
          if (weights[i] != 0f) {
            writeVarint(out, i - prev);
            out.writeInt(Float.floatToRawIntBits(weights[i]));
            prev = i;
          }
        }
      } else {
        out.writeByte(ENC_DENSE);
        ByteBuffer buf = ByteBuffer.allocate(weights.length * 4);
        buf.asFloatBuffer().put(weights);
        out.write(buf.array());
      }
      out.flush();
      CRC32 crc = new CRC32();
      byte[] body = bytes.toByteArray();
      crc.update(body);
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with a byte array
    }
    return bytes.toByteArray();
  }

  /** Writes the model atomically (temporary file + rename) to {@code path}. */
  public void write(Path path) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, toBytes());
    try {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static ToxicityModel read(Path path) throws IOException {
    try {
      return fromBytes(Files.readAllBytes(path));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  /** Parses a serialised model; throws {@link IllegalArgumentException} if it is malformed. */
  public static ToxicityModel fromBytes(byte[] data) {
    if (data.length < 4 + 2 + 4 + 4 + 4 + 8 + 2 + 1 + 4) {
      throw new IllegalArgumentException("model file too short");
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    if (in.getInt() != MAGIC) {
      throw new IllegalArgumentException("not a toxicity model (bad magic)");
    }
    int version = in.getShort();
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported model version " + version);
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 4);
    int stored = ByteBuffer.wrap(data, data.length - 4, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new IllegalArgumentException("checksum mismatch (corrupt model file)");
    }
    try {
      int minN = in.get();
      int maxN = in.get();
      int bits = in.get();
      int flags = in.get();
      int seed = in.getInt();
      FeatureConfig cfg = new FeatureConfig(minN, maxN, bits, seed, (flags & 1) != 0, (flags & 2) != 0);
      float bias = in.getFloat();
      double threshold = in.getDouble();
      int metaLen = in.getShort() & 0xFFFF;
      byte[] meta = new byte[metaLen];
      in.get(meta);
      int enc = in.get();
      float[] w = new float[cfg.buckets()];
      if (enc == ENC_DENSE) {
        in.asFloatBuffer().get(w);
        in.position(in.position() + 4 * w.length);
      } else if (enc == ENC_SPARSE) {
        int nnz = in.getInt();
        if (nnz < 0 || nnz > w.length) {
          throw new IllegalArgumentException("bad weight count " + nnz);
        }
        int idx = -1;
        for (int j = 0; j < nnz; j++) {
          idx += readVarint(in);
          if (idx < 0 || idx >= w.length) {
            throw new IllegalArgumentException("weight index out of range");
          }
          w[idx] = Float.intBitsToFloat(in.getInt());
        }
      } else {
        throw new IllegalArgumentException("unknown weight encoding " + enc);
      }
      if (in.remaining() != 4) {
        throw new IllegalArgumentException("trailing bytes in model file");
      }
      return new ToxicityModel(cfg, w, bias, threshold, new String(meta, StandardCharsets.UTF_8));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated model file", e);
    }
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(ByteBuffer in) {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.get();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("bad varint");
  }

  @Override
  public String toString() {
    return "ToxicityModel[" + features + ", threshold=" + threshold + ", nnz=" + nonZeroWeights() + "]";
  }
}
