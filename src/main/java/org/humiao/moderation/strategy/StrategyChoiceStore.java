package org.humiao.moderation.strategy;

import java.io.Closeable;
import java.util.Map;

/**
 * Where the strategies chosen for platforms through the API are kept: in the data dir (embedded)
 * or in Redis (cluster, shared by every instance). A choice overrides {@code assignments.json}.
 * Calls may block (disk, Redis): run them on a worker.
 */
public interface StrategyChoiceStore extends Closeable {

  /** Every platform's chosen strategy id; empty when none was chosen. Cheap: every instance asks each second. */
  Map<String, String> read();

  /** Chooses {@code strategyId} for {@code platform}; durable once this returns. */
  void write(String platform, String strategyId);
}
