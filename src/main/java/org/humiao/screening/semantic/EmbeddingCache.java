package org.humiao.screening.semantic;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Encoder vectors of training texts kept in an append-only file (under target/), keyed by the
 * SHA-256 of encoder id and text, so retraining re-runs the encoder only on new texts.
 *
 * <p>Texts are encoded one at a time: the quantized model scales activations per batch, so a
 * vector made alone depends on its text only, which keeps training byte-for-byte reproducible.
 * Record layout: 32-byte key, then {@code dimension} little-endian floats.
 */
public final class EmbeddingCache implements AutoCloseable {
  private final Encoder encoder;
  private final Path file;
  private final Map<ByteBuffer, float[]> vectors = new HashMap<>();

  private EmbeddingCache(Encoder encoder, Path file) {
    this.encoder = encoder;
    this.file = file;
  }

  /** Opens (or starts) the cache file of this encoder in {@code dir}. */
  public static EmbeddingCache open(Path dir, Encoder encoder) {
    String name = HexFormat.of().formatHex(sha256(encoder.id())).substring(0, 16) + "-d" + encoder.dimension() + ".f32";
    EmbeddingCache cache = new EmbeddingCache(encoder, dir.resolve(name));
    cache.readFile();
    return cache;
  }

  public Path file() {
    return file;
  }

  /**
   * The cache as an encoder with the same id, for evaluating the engine on a labelled set: a cached
   * text gets its stored vector (made alone), a new one is encoded alone and stored.
   */
  public Encoder asEncoder() {
    return new Encoder() {
      @Override
      public String id() {
        return encoder.id();
      }

      @Override
      public int dimension() {
        return encoder.dimension();
      }

      @Override
      public float[][] encode(List<String> texts) {
        return vectors(texts, 1);
      }

      @Override
      public void close() {
        // the cache owns the encoder: tiers built on this view come and go, the cache closes it once
      }
    };
  }

  @Override
  public void close() {
    encoder.close();
  }

  /** Vectors of {@code texts} in order, encoding the missing ones on {@code threads} threads. */
  public synchronized float[][] vectors(List<String> texts, int threads) {
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    for (String t : texts) {
      if (!vectors.containsKey(key(t))) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      encodeAndAppend(new ArrayList<>(missing), threads);
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vectors.get(key(texts.get(i)));
    }
    return out;
  }

  private void encodeAndAppend(List<String> texts, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<Future<float[]>> futures = new ArrayList<>(texts.size());
      for (String t : texts) {
        futures.add(pool.submit(() -> encoder.encode(List.of(t))[0]));
      }
      try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
           DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        ByteBuffer floats = ByteBuffer.allocate(encoder.dimension() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < texts.size(); i++) {
          float[] v = futures.get(i).get();
          ByteBuffer k = key(texts.get(i));
          vectors.put(k, v);
          out.write(k.array());
          floats.clear();
          floats.asFloatBuffer().put(v);
          out.write(floats.array());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while encoding", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("encoding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void readFile() {
    if (!Files.exists(file)) {
      return;
    }
    int dimension = encoder.dimension();
    int record = 32 + 4 * dimension;
    try {
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      // a record cut short by an interrupted run is ignored and overwritten by the next append
      int whole = in.remaining() / record;
      for (int r = 0; r < whole; r++) {
        byte[] k = new byte[32];
        in.get(k);
        float[] v = new float[dimension];
        in.asFloatBuffer().get(v);
        in.position(in.position() + 4 * dimension);
        vectors.put(ByteBuffer.wrap(k), v);
      }
      if (in.hasRemaining()) {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
          channel.truncate((long) whole * record);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ByteBuffer key(String text) {
    return ByteBuffer.wrap(sha256(encoder.id() + '\u0000' + text));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
