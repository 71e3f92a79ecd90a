package org.humiao.callbacks;

import io.vertx.core.json.JsonObject;
import org.humiao.pileon.Surge;

/**
 * An alert in the outbox: its id (the same on every attempt, so a receiver can drop a repeat), the
 * surge, the attempts failed so far and the earliest time (epoch millis) of the next one.
 */
public record QueuedAlert(String id, Surge surge, int attempts, long notBefore) {

  /** The same alert after one more failed attempt, to be tried again at {@code next}. */
  QueuedAlert failedOnce(long next) {
    return new QueuedAlert(id, surge, attempts + 1, next);
  }

  /** What the receiver gets: the id and the surge. */
  JsonObject body() {
    return surge.toJson().put("id", id).put("type", "pileon.level");
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("surge", surge.toJson()).put("attempts", attempts)
        .put("notBefore", notBefore);
  }

  static QueuedAlert fromJson(JsonObject json) {
    return new QueuedAlert(json.getString("id"), Surge.fromJson(json.getJsonObject("surge")),
        json.getInteger("attempts"), json.getLong("notBefore"));
  }
}
