package org.humiao.moderation.review;

import org.humiao.screening.Reason;

/**
 * What put the content before a reviewer: one of the engine's tiers (its {@link Reason}) or a
 * user (an appeal or a report). Resolutions are counted by it, so a platform sees how often
 * reviewers confirm each source.
 */
public enum DecisionSource {
  TERM, RULE, PERSONAL_INFO, MODEL, SEMANTIC, REPOST, ENGINE_ERROR, USER;

  /** The source of an engine's answer; a passed text never reaches the queue. */
  public static DecisionSource of(Reason reason) {
    if (reason == Reason.NONE) {
      throw new IllegalArgumentException("a passed text has no decision source");
    }
    return valueOf(reason.name());
  }
}
