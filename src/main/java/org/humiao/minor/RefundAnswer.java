package org.humiao.minor;

import io.vertx.core.json.JsonObject;

/** @param remainingMonthFen and remainingTodayFen: as in {@link PaymentAnswer}, after the refund */
public record RefundAnswer(boolean refunded, ReasonCode reason, long amountFen, Long remainingMonthFen,
                           Long remainingTodayFen) {
  public JsonObject toJson() {
    return new JsonObject().put("refunded", refunded).put("reason", reason.id()).put("amountFen", amountFen)
        .put("remainingMonthFen", remainingMonthFen).put("remainingTodayFen", remainingTodayFen);
  }
}
