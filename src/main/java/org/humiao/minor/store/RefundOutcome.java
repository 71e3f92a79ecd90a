package org.humiao.minor.store;

/** @param record the payment, or null when the key is unknown; totals: of its month and day now */
public record RefundOutcome(Status status, PaymentRecord record, SpendTotals totals) {
  public enum Status { REFUNDED, ALREADY_REFUNDED, UNKNOWN }
}
