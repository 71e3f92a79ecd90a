package org.humiao.events.summary;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One day's counters as two parallel arrays, packed cell key and count, so a query reads memory
 * in order; the map only finds a cell for the writer. Writers take the lock, readers none: they
 * read {@link #size} before the columns, and a new cell is stored before the size covering it.
 */
final class DayCells {
  /** Cells {@code [0, size)} of a moment; counts keep rising after it. */
  record Snapshot(int size, long[] keys, AtomicLongArray counts) {}

  private record Columns(long[] keys, AtomicLongArray counts) {}

  private final Map<Long, Integer> index = new HashMap<>();
  private volatile Columns columns = new Columns(new long[16], new AtomicLongArray(16));
  private volatile int size;

  synchronized void add(long key, long events) {
    Integer cell = index.get(key);
    if (cell != null) {
      columns.counts().addAndGet(cell, events);
      return;
    }
    int n = size;
    Columns current = columns;
    if (n == current.keys().length) {
      current = grown(current);
      columns = current;
    }
    current.keys()[n] = key;
    current.counts().set(n, events);
    index.put(key, n);
    size = n + 1;
  }

  private static Columns grown(Columns columns) {
    int length = columns.keys().length * 2;
    AtomicLongArray counts = new AtomicLongArray(length);
    for (int i = 0; i < columns.keys().length; i++) {
      counts.set(i, columns.counts().get(i));
    }
    return new Columns(Arrays.copyOf(columns.keys(), length), counts);
  }

  Snapshot snapshot() {
    int n = size;
    Columns current = columns;
    return new Snapshot(n, current.keys(), current.counts());
  }
}
