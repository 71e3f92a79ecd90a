package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * May the user start (or go on) now.
 *
 * @param secondsLeft play left without a break from now; null: no limit
 * @param nextOpening when refused, the epoch second play is next allowed; null if not within
 *     {@value PlayRules#HORIZON_DAYS} days (or when allowed)
 * @param warningMinutes the warning stage (20, 15, 5, 1) the time left is in, or null
 */
public record AuthorizeAnswer(boolean allowed, ReasonCode reason, Long secondsLeft, Long nextOpening,
                              Integer warningMinutes) {
  /** Play may start with no limit today. */
  static AuthorizeAnswer unlimited(ReasonCode reason) {
    return new AuthorizeAnswer(true, reason, null, null, null);
  }

  /** Play may start, with {@code secondsLeft} of it. */
  static AuthorizeAnswer within(long secondsLeft, Integer warningMinutes) {
    return new AuthorizeAnswer(true, ReasonCode.WITHIN_LIMITS, secondsLeft, null, warningMinutes);
  }

  /** Play may not start, for {@code reason}; next allowed at {@code nextOpening} (null: not soon). */
  static AuthorizeAnswer refused(ReasonCode reason, Long nextOpening) {
    return new AuthorizeAnswer(false, reason, 0L, nextOpening, null);
  }

  public JsonObject toJson() {
    return new JsonObject().put("allowed", allowed).put("reason", reason.id()).put("secondsLeft", secondsLeft)
        .put("nextOpening", nextOpening).put("warningMinutes", warningMinutes);
  }
}
