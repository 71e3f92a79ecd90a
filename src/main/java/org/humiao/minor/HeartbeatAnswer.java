package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * The answer to a report of play.
 *
 * @param proceed continue (true) or stop now (false)
 * @param secondsLeft play left from the end of the report on; null: no limit
 * @param cutoffAt the epoch second play must stop, or null
 * @param warningMinutes the warning stage passed during the reported play, or null
 * @param restReminder continuous play just passed a multiple of the policy's rest interval
 * @param countedSeconds seconds of this report newly counted as allowed play
 * @param overSeconds seconds of this report newly counted as play beyond a cut-off
 * @param playedSeconds allowed play counted in the current budget (today, or the guest window)
 */
public record HeartbeatAnswer(boolean proceed, ReasonCode reason, Long secondsLeft, Long cutoffAt,
                              Integer warningMinutes, boolean restReminder, long countedSeconds, long overSeconds,
                              long playedSeconds) {
  public JsonObject toJson() {
    return new JsonObject().put("action", proceed ? "continue" : "stop").put("reason", reason.id())
        .put("secondsLeft", secondsLeft).put("cutoffAt", cutoffAt).put("warningMinutes", warningMinutes)
        .put("restReminder", restReminder).put("countedSeconds", countedSeconds).put("overSeconds", overSeconds)
        .put("playedSeconds", playedSeconds);
  }
}
