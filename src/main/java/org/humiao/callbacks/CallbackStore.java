package org.humiao.callbacks;

import java.util.Optional;

/**
 * The platforms' registered callbacks, by platform: in the data dir (embedded) or in Redis
 * (cluster), so every instance sends a platform's alerts to the URL it registered last.
 */
public interface CallbackStore extends AutoCloseable {

  Optional<Callback> get(String platform);

  /** Registers (or replaces) the platform's callback; returns once it is durable. */
  void put(String platform, Callback callback);

  /** True when there was one to remove. */
  boolean delete(String platform);

  @Override
  void close();
}
