package org.humiao.screening.pii;

/** The kinds of personal information the detector finds, with the ids JSON and the policy use. */
public enum PersonalInfoKind {
  /** A resident identity number (18- or 15-digit form) that passed validation. */
  RESIDENT_ID("resident_id"),
  /** A mainland mobile number, possibly with a {@code +86}/{@code 86}/{@code 0086} prefix. */
  MOBILE("mobile"),
  /** A QQ number following a QQ cue. The range covers the number only, not the cue. */
  QQ("qq"),
  /** A WeChat id (or mobile number) following a WeChat cue. Range covers the id only. */
  WECHAT("wechat"),
  /** An e-mail address. */
  EMAIL("email"),
  /** A street or residential-compound address precise enough to find a home. */
  ADDRESS("address"),
  /** A school name together with a grade and/or class. */
  SCHOOL("school");

  private final String id;

  PersonalInfoKind(String id) {
    this.id = id;
  }

  /** The stable id: {@code resident_id}, {@code mobile}, ... as in {@code pii.<id>.severity}. */
  public String id() {
    return id;
  }
}
