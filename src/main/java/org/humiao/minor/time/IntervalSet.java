package org.humiao.minor.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A union of intervals, kept merged (touching intervals join), with its size in seconds. Not
 * thread-safe: the owner locks.
 */
public final class IntervalSet {
  private final TreeMap<Long, Long> starts = new TreeMap<>();
  private long size;

  /** The parts of {@code span} not yet in the set, in time order. */
  public List<Interval> missing(Interval span) {
    List<Interval> out = new ArrayList<>();
    long cursor = span.from();
    Map.Entry<Long, Long> before = starts.floorEntry(cursor);
    if (before != null && before.getValue() > cursor) {
      cursor = before.getValue();
    }
    if (cursor >= span.to()) {
      return out;
    }
    for (Map.Entry<Long, Long> e : starts.subMap(cursor, true, span.to(), false).entrySet()) {
      if (e.getKey() > cursor) {
        out.add(new Interval(cursor, e.getKey()));
      }
      cursor = Math.max(cursor, e.getValue());
    }
    if (cursor < span.to()) {
      out.add(new Interval(cursor, span.to()));
    }
    return out;
  }

  /** Adds {@code span}; returns how many of its seconds were new. */
  public long add(Interval span) {
    long added = 0;
    for (Interval gap : missing(span)) {
      added += gap.length();
    }
    if (added == 0) {
      return 0;
    }
    long from = span.from();
    long to = span.to();
    Map.Entry<Long, Long> before = starts.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
    }
    Map.Entry<Long, Long> next;
    while ((next = starts.ceilingEntry(from)) != null && next.getKey() <= to) {
      to = Math.max(to, next.getValue());
      starts.remove(next.getKey());
    }
    starts.put(from, to);
    size += added;
    return added;
  }

  public long size() {
    return size;
  }

  /** The merged interval holding {@code second}, or null. */
  public Interval runContaining(long second) {
    Map.Entry<Long, Long> e = starts.floorEntry(second);
    return e != null && e.getValue() > second ? new Interval(e.getKey(), e.getValue()) : null;
  }

  public List<Interval> intervals() {
    List<Interval> out = new ArrayList<>(starts.size());
    starts.forEach((from, to) -> out.add(new Interval(from, to)));
    return out;
  }
}
