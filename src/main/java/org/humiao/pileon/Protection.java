package org.humiao.pileon;

import io.vertx.core.json.JsonObject;

/**
 * A target's protection: messages aimed at it from {@code scope} are handled more strictly until
 * {@code until} (epoch millis). {@code automatic}: switched on by the policy, for a minor in a surge.
 */
public record Protection(ProtectionScope scope, long since, long until, boolean automatic) {
  public boolean activeAt(long now) {
    return now < until;
  }

  public JsonObject toJson() {
    return new JsonObject().put("scope", scope.id()).put("since", since).put("until", until)
        .put("automatic", automatic);
  }

  public static Protection fromJson(JsonObject json) {
    return new Protection(ProtectionScope.byId(json.getString("scope")).orElseThrow(), json.getLong("since"),
        json.getLong("until"), json.getBoolean("automatic"));
  }
}
