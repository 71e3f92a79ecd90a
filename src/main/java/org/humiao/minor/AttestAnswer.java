package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/** @param minor whether the person is under 18 today (false when not accepted) */
public record AttestAnswer(boolean accepted, ReasonCode reason, boolean minor) {
  public JsonObject toJson() {
    return new JsonObject().put("accepted", accepted).put("reason", reason.id()).put("minor", minor);
  }
}
