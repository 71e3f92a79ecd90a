package org.humiao.screening;

import java.util.Locale;

/** What decided a screening answer; its {@link #id()} is the stable {@code reason} code of the API. */
public enum Reason {
  /** Nothing was found: the text passes. */
  NONE,
  /** A lexicon term or one of its spellings. */
  TERM,
  /** A context rule. */
  RULE,
  PERSONAL_INFO,
  /** The n-gram model's probability. */
  MODEL,
  /** The semantic tier's stacked probability. */
  SEMANTIC,
  /**
   * The text passes although the semantic tier's stack reached its review threshold: it names no one,
   * and tone without an aim needs {@code semantic.aimless-lift} more.
   */
  UNAIMED,
  /** A repost of blocked content. */
  REPOST,
  /** The engine failed on the text: it goes to review unscreened, never passes (fail closed). */
  ENGINE_ERROR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
