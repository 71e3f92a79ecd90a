package org.humiao.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} event ids seen, with where each was first recorded, oldest forgotten
 * first. Duplicates are an event sent again (a retried request, a forwarder resending from its last
 * cursor), so they follow their original closely; a window far wider than that catches them
 * without remembering every id. Not thread-safe: one owner thread.
 */
public final class RecentIds {
  private static final long NOWHERE = -1;

  private final Map<String, Long> ids;

  public RecentIds(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ids = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True the first time {@code id} is seen within the window. */
  public boolean add(String id) {
    return ids.putIfAbsent(id, NOWHERE) == null;
  }

  /** Where {@code id} was remembered, or -1 if it is not within the window. */
  public long positionOf(String id) {
    return ids.getOrDefault(id, NOWHERE);
  }

  /** Remembers {@code id} at {@code position}, unless it is already known. */
  public void remember(String id, long position) {
    ids.putIfAbsent(id, position);
  }
}
