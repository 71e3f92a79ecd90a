package org.humiao.moderation.lists;

import java.io.Closeable;
import java.util.Map;

/**
 * Where platforms' lists are kept: in the data dir (embedded) or in Redis (cluster). Writes are a
 * compare-and-set on the platform's version, so two instances changing one platform's lists at
 * once never lose a change: one of them retries on what the other wrote. Calls may block (disk,
 * Redis): run them on a worker.
 */
public interface PlatformListStore extends Closeable {

  /** The platform's lists; {@link PlatformEntries#none} when it never had any. */
  PlatformEntries read(String platform);

  /**
   * Stores {@code next} if the stored version is still {@code next.version() - 1}; durable once this returns true.
   *
   * @return false, writing nothing, when another change came first
   */
  boolean write(PlatformEntries next);

  /** The version of every platform that ever had lists; cheap, as every instance asks it each second. */
  Map<String, Long> versions();
}
