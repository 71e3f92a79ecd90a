package org.humiao.screening.pii;

import java.util.Objects;

/**
 * One piece of personal information found by {@link PersonalInfoDetector}: its kind and the
 * half-open range {@code [start, end)} of char indices into the (normalized) text that was
 * scanned. The matched text itself is deliberately not kept, as it is personal data.
 *
 * @param kind what was found
 * @param start index of the first char, {@code >= 0}
 * @param end index after the last char, {@code > start}
 */
public record PersonalInfoMatch(PersonalInfoKind kind, int start, int end) {

  public PersonalInfoMatch {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  /** Number of chars covered. */
  public int length() {
    return end - start;
  }
}
