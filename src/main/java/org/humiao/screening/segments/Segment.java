package org.humiao.screening.segments;

/**
 * One clause or window of a normalized text, as offsets into it: [start, end), boundary marks at
 * its edges left out.
 */
public record Segment(int start, int end) {
  public Segment {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("segment [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }
}
