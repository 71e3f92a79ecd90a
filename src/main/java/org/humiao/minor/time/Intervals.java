package org.humiao.minor.time;

import java.util.ArrayList;
import java.util.List;

/**
 * Set operations on lists of intervals that are sorted and disjoint, as windows of a day are.
 * Results are sorted and disjoint too, and never contain an empty interval.
 */
public final class Intervals {
  private Intervals() {}

  public static List<Interval> intersect(List<Interval> a, List<Interval> b) {
    List<Interval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      Interval x = a.get(i);
      Interval y = b.get(j);
      long from = Math.max(x.from(), y.from());
      long to = Math.min(x.to(), y.to());
      if (from < to) {
        out.add(new Interval(from, to));
      }
      if (x.to() < y.to()) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  public static List<Interval> subtract(List<Interval> a, List<Interval> b) {
    List<Interval> out = new ArrayList<>();
    for (Interval x : a) {
      long cursor = x.from();
      for (Interval y : b) {
        if (y.to() <= cursor || y.from() >= x.to()) {
          continue;
        }
        if (y.from() > cursor) {
          out.add(new Interval(cursor, y.from()));
        }
        cursor = Math.max(cursor, y.to());
      }
      if (cursor < x.to()) {
        out.add(new Interval(cursor, x.to()));
      }
    }
    return out;
  }

  /** The interval of {@code list} holding {@code second}, or null. */
  public static Interval containing(List<Interval> list, long second) {
    for (Interval x : list) {
      if (x.contains(second)) {
        return x;
      }
    }
    return null;
  }
}
