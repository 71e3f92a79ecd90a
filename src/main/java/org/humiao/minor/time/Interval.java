package org.humiao.minor.time;

/** A half-open span {@code [from, to)} of epoch seconds; the seconds counted are from, from+1, …, to−1. */
public record Interval(long from, long to) {
  public Interval {
    if (to < from) {
      throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
    }
  }

  public long length() {
    return to - from;
  }

  public boolean contains(long second) {
    return from <= second && second < to;
  }
}
