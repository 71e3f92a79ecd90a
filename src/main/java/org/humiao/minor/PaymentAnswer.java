package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/**
 * @param remainingMonthFen what the monthly cap still allows, or null without a cap
 * @param remainingTodayFen what the guardian's daily cap still allows, or null without one
 */
public record PaymentAnswer(boolean allowed, ReasonCode reason, Long remainingMonthFen, Long remainingTodayFen) {
  /** Allowed with no cap to report (an adult, a guest where guests may pay). */
  static PaymentAnswer uncapped(ReasonCode reason) {
    return new PaymentAnswer(true, reason, null, null);
  }

  /** Refused before any cap was looked at (an idempotency conflict, a guest). */
  static PaymentAnswer refused(ReasonCode reason) {
    return new PaymentAnswer(false, reason, null, null);
  }

  public JsonObject toJson() {
    return new JsonObject().put("allowed", allowed).put("reason", reason.id())
        .put("remainingMonthFen", remainingMonthFen).put("remainingTodayFen", remainingTodayFen);
  }
}
