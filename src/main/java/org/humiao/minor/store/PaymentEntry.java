package org.humiao.minor.store;

import io.vertx.core.json.JsonObject;

/**
 * A payment to record, with the limits it must stay within ({@link Long#MAX_VALUE}: none). The
 * limits are checked by the store, atomically with the totals they apply to.
 *
 * @param paymentKey platform and idempotency key: one payment, however often it is submitted
 * @param spendKey person, operator and service the totals belong to
 * @param month local month, {@code 2026-02}
 * @param day local day, {@code 2026-02-20}
 */
public record PaymentEntry(String paymentKey, String spendKey, long amountFen, String month, String day,
                           long monthLimitFen, long dayLimitFen) {
  public JsonObject toJson() {
    return new JsonObject().put("paymentKey", paymentKey).put("spendKey", spendKey).put("amountFen", amountFen)
        .put("month", month).put("day", day).put("monthLimitFen", monthLimitFen).put("dayLimitFen", dayLimitFen);
  }

  public static PaymentEntry fromJson(JsonObject json) {
    return new PaymentEntry(json.getString("paymentKey"), json.getString("spendKey"), json.getLong("amountFen"),
        json.getString("month"), json.getString("day"), json.getLong("monthLimitFen"), json.getLong("dayLimitFen"));
  }
}
