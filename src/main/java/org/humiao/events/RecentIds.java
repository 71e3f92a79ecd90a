package org.humiao.events.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} event ids seen, oldest forgotten first. Duplicates on the topic are an
 * event sent again from the forwarder's last cursor, so they follow their original within about
 * one forwarder batch; a window far wider than that catches them without remembering every id.
 */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ids = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True the first time {@code id} is seen within the window. */
  boolean add(String id) {
    return ids.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
