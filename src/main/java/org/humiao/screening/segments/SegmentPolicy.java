package org.humiao.screening.segments;

import org.humiao.screening.text.PolicyProperties;

import java.util.Objects;
import java.util.Properties;

/**
 * How long texts are cut into segments, read from the {@code segments.*} lines of
 * lexicons/policy.properties (the file says why each value was chosen).
 *
 * @param minTextLength normalized texts shorter than this are scored whole, as before: comments
 *     and chat lines are what the models learned from
 * @param minLength clauses shorter than this are merged with the next (a clause of a few
 *     characters means little to a model)
 * @param window a clause longer than this is scored in overlapping windows of this many
 *     characters, each starting half a window after the last
 * @param maxSegments at most this many segments per text; a text that would make more is cut into
 *     this many evenly spaced, half-overlapping windows instead, so it is still covered whole
 * @param trust how far the best segments' scores count against the whole text's
 */
public record SegmentPolicy(int minTextLength, int minLength, int window, int maxSegments, SegmentTrust trust) {
  public SegmentPolicy {
    if (minTextLength < 1 || minLength < 1 || window < 2 || maxSegments < 1) {
      throw new IllegalArgumentException("segments.* must be positive (window at least 2): "
          + minTextLength + ", " + minLength + ", " + window + ", " + maxSegments);
    }
    Objects.requireNonNull(trust);
  }

  /** Whether a normalized text of this length is scored by segments. */
  public boolean applies(int normalizedLength) {
    return normalizedLength >= minTextLength;
  }

  public static SegmentPolicy from(Properties p) {
    return new SegmentPolicy(
        PolicyProperties.integer(p, "segments.min-text-length"),
        PolicyProperties.integer(p, "segments.min-length"),
        PolicyProperties.integer(p, "segments.window"),
        PolicyProperties.integer(p, "segments.max"),
        SegmentTrust.from(p));
  }
}
