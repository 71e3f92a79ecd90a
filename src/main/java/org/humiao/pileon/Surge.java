package org.humiao.pileon;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * A target raised to a level, as the platform's callback hears of it: under the platform's own id of
 * the target (the platform prompts that user), with the numbers that reached the level.
 *
 * @param protectedAutomatically the policy switched protection on with it (a minor in a surge)
 * @param dataId the message that raised it; may be null
 */
public record Surge(String platform, String target, RiskLevel level, boolean minor, Tally tally, Duration window,
                    boolean protectedAutomatically, Instant at, String dataId) {

  public JsonObject toJson() {
    return new JsonObject().put("platform", platform).put("target", target).put("level", level.id())
        .put("minor", minor).put("messages", tally.messages()).put("authors", tally.authors())
        .put("windowMinutes", window.toMinutes()).put("protectedAutomatically", protectedAutomatically)
        .put("at", at.toString()).put("dataId", dataId);
  }

  public static Surge fromJson(JsonObject json) {
    return new Surge(json.getString("platform"), json.getString("target"),
        RiskLevel.byId(json.getString("level")).orElseThrow(), json.getBoolean("minor"),
        new Tally(json.getInteger("messages"), json.getInteger("authors")),
        Duration.ofMinutes(json.getLong("windowMinutes")), json.getBoolean("protectedAutomatically"),
        Instant.parse(json.getString("at")), json.getString("dataId"));
  }
}
