package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * @param remainingMonthFen what the monthly cap still allows, or null without a cap
 * @param remainingTodayFen what the guardian's daily cap still allows, or null without one
 */
public record PaymentAnswer(boolean allowed, ReasonCode reason, Long remainingMonthFen, Long remainingTodayFen) {
  public JsonObject toJson() {
    return new JsonObject().put("allowed", allowed).put("reason", reason.id())
        .put("remainingMonthFen", remainingMonthFen).put("remainingTodayFen", remainingTodayFen);
  }
}
