package org.humiao.screening.semantic;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A test encoder of one dimension: each test says how it encodes a batch; its name, size and close are fixed here. */
abstract class OneDimensionEncoder implements Encoder {
  private final String id;

  OneDimensionEncoder(String id) {
    this.id = id;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final int dimension() {
    return 1;
  }

  @Override
  public void close() {
  }

  /** One vector {@code [value(text)]} per text, in order. */
  static float[][] vectors(List<String> texts, ToDoubleFunction<String> value) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[] {(float) value.applyAsDouble(texts.get(i))};
    }
    return out;
  }
}
