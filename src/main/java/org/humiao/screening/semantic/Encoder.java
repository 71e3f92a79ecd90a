package org.humiao.screening.semantic;

import java.util.List;

/** Turns a batch of (normalized) texts into fixed-length feature vectors for the {@link SemanticHead}. */
public interface Encoder extends AutoCloseable {

  /**
   * Names the encoder and its pooling, so cached features and trained heads are only ever paired
   * with the encoder that made them.
   */
  String id();

  /**
   * The most tokens of a text the encoder reads; a longer text is cut, so its cost stops growing
   * there. Unbounded unless the encoder says otherwise.
   */
  default int maxTokens() {
    return Integer.MAX_VALUE;
  }

  /** Length of every vector {@link #encode} returns. */
  int dimension();

  /** One vector per text, in order; may throw on a runtime failure, which the caller must contain. */
  float[][] encode(List<String> texts);

  @Override
  void close();
}
