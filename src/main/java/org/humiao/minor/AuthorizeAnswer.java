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
  public JsonObject toJson() {
    return new JsonObject().put("allowed", allowed).put("reason", reason.id()).put("secondsLeft", secondsLeft)
        .put("nextOpening", nextOpening).put("warningMinutes", warningMinutes);
  }
}
