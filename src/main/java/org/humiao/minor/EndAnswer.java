package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * The platform ended a session.
 *
 * @param endedAt when the session counts as ended (the server clock)
 * @param stoppedBefore when it had already been stopped (told to stop, refused, or ended before), else null:
 *     only a session not stopped before is reported to the NPPA as a logout now
 */
public record EndAnswer(long endedAt, Long stoppedBefore) {
  public JsonObject toJson() {
    return new JsonObject().put("ended", true).put("endedAt", stoppedBefore != null ? stoppedBefore : endedAt)
        .put("alreadyStopped", stoppedBefore != null);
  }
}
