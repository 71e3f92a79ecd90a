package org.humiao.events.journal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param dataDirectory the service's data directory; segments go to its {@code events/} subdirectory
 * @param segmentBytes a segment is closed and a new one started before it would grow past this
 * @param queueCapacity appends (calls, not events) that may wait for the writer before new ones are refused
 * @param maxBatchAppends appends written and synced together at most, bounding the latency of one batch
 * @param retention segments last written longer ago than this are deleted; {@link Duration#ZERO} keeps them for ever
 */
public record JournalOptions(Path dataDirectory, long segmentBytes, int queueCapacity, int maxBatchAppends,
                             Duration retention) {
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  public static final int DEFAULT_QUEUE_CAPACITY = 8192;
  public static final int DEFAULT_MAX_BATCH_APPENDS = 1024;

  public JournalOptions {
    if (segmentBytes <= 0 || queueCapacity <= 0 || maxBatchAppends <= 0) {
      throw new IllegalArgumentException("journal sizes must be positive");
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("negative retention " + retention);
    }
  }

  /** Options that keep every segment. */
  public JournalOptions(Path dataDirectory, long segmentBytes, int queueCapacity, int maxBatchAppends) {
    this(dataDirectory, segmentBytes, queueCapacity, maxBatchAppends, Duration.ZERO);
  }

  public JournalOptions withRetention(Duration retention) {
    return new JournalOptions(dataDirectory, segmentBytes, queueCapacity, maxBatchAppends, retention);
  }

  public static JournalOptions defaults(Path dataDirectory) {
    return new JournalOptions(dataDirectory, DEFAULT_SEGMENT_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_BATCH_APPENDS);
  }

  public Path eventsDirectory() {
    return dataDirectory.resolve("events");
  }
}
