package org.humiao.minor;

import io.vertx.core.json.JsonObject;

public record GuardianAnswer(boolean applied, ReasonCode reason) {
  public JsonObject toJson() {
    return new JsonObject().put("applied", applied).put("reason", reason.id());
  }
}
