package org.humiao.events.summary;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the values of one dimension (platforms, categories, regions) in order of first sight,
 * so cells hold small ints. Id 0 is null, the value of an absent region. Ids are assigned under
 * the lock; readers take none: {@link #size()} is published after the value it covers.
 */
final class Dictionary {
  static final int NULL_ID = 0;
  static final int MISSING = -1;

  private final String name;
  private final int capacity;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private volatile String[] values = new String[16];
  private volatile int size = 1;

  Dictionary(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
  }

  /** The value's id, assigning the next one to a new value. */
  int id(String value) {
    if (value == null) {
      return NULL_ID;
    }
    Integer id = ids.get(value);
    return id != null ? id : ids.computeIfAbsent(value, this::append);
  }

  private synchronized int append(String value) {
    int id = size;
    if (id == capacity) {
      throw new IllegalStateException("more than " + (capacity - 1) + " distinct " + name + " values");
    }
    if (id == values.length) {
      values = Arrays.copyOf(values, id * 2);
    }
    values[id] = value;
    size = id + 1;
    return id;
  }

  /** The value's id, or {@link #MISSING} if it was never seen. */
  int find(String value) {
    return value == null ? NULL_ID : ids.getOrDefault(value, MISSING);
  }

  /** Ids below this have values. */
  int size() {
    return size;
  }

  /** {@code id} must be below a {@link #size()} read earlier. */
  String value(int id) {
    return values[id];
  }
}
