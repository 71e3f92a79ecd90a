package org.humiao.screening.semantic;

import java.util.List;
import java.util.function.Supplier;

/** An encoder whose model is loaded by its first batch, on the thread that encodes it; its name and size are known before. */
final class LazyEncoder implements Encoder {
  private final String id;
  private final int dimension;
  private final int maxTokens;
  private final Supplier<? extends Encoder> load;
  private Encoder loaded;

  LazyEncoder(String id, int dimension, int maxTokens, Supplier<? extends Encoder> load) {
    this.id = id;
    this.dimension = dimension;
    this.maxTokens = maxTokens;
    this.load = load;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** Whether a batch has loaded the model. */
  synchronized boolean loaded() {
    return loaded != null;
  }

  private synchronized Encoder encoder() {
    if (loaded == null) {
      loaded = load.get();
    }
    return loaded;
  }

  @Override
  public float[][] encode(List<String> texts) {
    return encoder().encode(texts);
  }

  @Override
  public synchronized void close() {
    if (loaded != null) {
      loaded.close();
    }
  }
}
