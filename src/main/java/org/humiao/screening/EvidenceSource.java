package org.humiao.screening;

import java.util.Locale;

/** How a piece of evidence was found; a rule's id or a kind of personal information goes with it. */
public enum EvidenceSource {
  EXACT(Reason.TERM, false),
  /** A homophone, pinyin or mixed spelling generated from a term. */
  VARIANT(Reason.TERM, true),
  ABBREVIATION(Reason.TERM, true),
  RULE(Reason.RULE, false),
  PERSONAL_INFO(Reason.PERSONAL_INFO, false),
  REPOST(Reason.REPOST, false),
  /** A term of the calling platform's own block list (or a variant spelling generated from one). */
  PLATFORM_LIST(Reason.TERM, false),
  /** The clause of a long text whose n-gram probability raised the score that sent it to review (severity 0: it never decides alone). */
  SEGMENT(Reason.MODEL, false);

  private final Reason reason;
  private final boolean respelled;

  EvidenceSource(Reason reason, boolean respelled) {
    this.reason = reason;
    this.respelled = respelled;
  }

  /** What an answer decided by this evidence gives as its reason. */
  public Reason reason() {
    return reason;
  }

  /** Found through a spelling other than the term's: a little less certain than the term itself. */
  public boolean respelled() {
    return respelled;
  }

  /** The documented {@code source} of the API: exact, variant, abbreviation, rule:&lt;id&gt;, pii:&lt;kind&gt;, repost, platform_list, segment. */
  String id(String detail) {
    return switch (this) {
      case RULE -> "rule:" + detail;
      case PERSONAL_INFO -> "pii:" + detail;
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}
