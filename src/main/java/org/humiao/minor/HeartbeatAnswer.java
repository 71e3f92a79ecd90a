package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * The answer to a report of play.
 *
 * @param proceed continue (true) or stop now (false)
 * @param secondsLeft play left from the end of the report on; null: no limit
 * @param cutoffAt the epoch second play had to stop (in a stop: the first second of the report
 *     that was not allowed, e.g. 22:00:00 for play reported from 21:59:30 to 22:00:30), or will
 *     have to (when going on); null: no limit
 * @param warningMinutes the warning stage passed during the reported play, or null
 * @param restReminder continuous play just passed a multiple of the policy's rest interval
 * @param countedSeconds seconds of this report newly counted as allowed play
 * @param overSeconds seconds of this report newly counted as play beyond a cut-off
 * @param playedSeconds allowed play counted in the current budget (today, or the guest window)
 */
public record HeartbeatAnswer(boolean proceed, ReasonCode reason, Long secondsLeft, Long cutoffAt,
                              Integer warningMinutes, boolean restReminder, long countedSeconds, long overSeconds,
                              long playedSeconds) {
  /** Play goes on with no limit today (an adult, a holiday without limits for its kind). */
  static HeartbeatAnswer unlimited(ReasonCode reason, long countedSeconds, long overSeconds) {
    return new HeartbeatAnswer(true, reason, null, null, null, false, countedSeconds, overSeconds, 0);
  }

  /** Play goes on within its limits until {@code cutoffAt}. */
  static HeartbeatAnswer goOn(long secondsLeft, long cutoffAt, Integer warningMinutes, boolean restReminder,
      PlayCount count) {
    return new HeartbeatAnswer(true, ReasonCode.WITHIN_LIMITS, secondsLeft, cutoffAt, warningMinutes, restReminder,
        count.counted(), count.over(), count.played());
  }

  /** Play must stop, for {@code reason}, as of {@code cutoffAt}. */
  static HeartbeatAnswer stop(ReasonCode reason, long cutoffAt, boolean restReminder, PlayCount count) {
    return new HeartbeatAnswer(false, reason, 0L, cutoffAt, null, restReminder, count.counted(), count.over(),
        count.played());
  }

  /** The seconds a report added as allowed and as excess, and the allowed play of its budget. */
  record PlayCount(long counted, long over, long played) {}

  public JsonObject toJson() {
    return new JsonObject().put("action", proceed ? "continue" : "stop").put("reason", reason.id())
        .put("secondsLeft", secondsLeft).put("cutoffAt", cutoffAt).put("warningMinutes", warningMinutes)
        .put("restReminder", restReminder).put("countedSeconds", countedSeconds).put("overSeconds", overSeconds)
        .put("playedSeconds", playedSeconds);
  }
}
