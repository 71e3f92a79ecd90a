package org.humiao.screening.pii;

import java.util.Objects;

/**
 * One piece of personal information found by {@link PersonalInfoDetector}: its kind and the
 * half-open range {@code [start, end)} of char indices into the (normalized) text that was
 * scanned. The matched text itself is deliberately not kept, as it is personal data.
 *
 * @param kind one of the {@code KIND_*} constants
 * @param start index of the first char, {@code >= 0}
 * @param end index after the last char, {@code > start}
 */
public record PersonalInfoMatch(String kind, int start, int end) {

  /** A resident identity number (18- or 15-digit form) that passed validation. */
  public static final String RESIDENT_ID = "resident_id";

  /** A mainland mobile number, possibly with a {@code +86}/{@code 86}/{@code 0086} prefix. */
  public static final String MOBILE = "mobile";

  /** A QQ number following a QQ cue. The range covers the number only, not the cue. */
  public static final String QQ = "qq";

  /** A WeChat id (or mobile number) following a WeChat cue. Range covers the id only. */
  public static final String WECHAT = "wechat";

  /** An e-mail address. */
  public static final String EMAIL = "email";

  /** A street or residential-compound address precise enough to find a home. */
  public static final String ADDRESS = "address";

  /** A school name together with a grade and/or class. */
  public static final String SCHOOL = "school";

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
