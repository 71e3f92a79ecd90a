package org.humiao.minor.store;

/**
 * @param record the accepted payment (new or earlier with the same key), or null when refused
 * @param totals the totals now
 */
public record PaymentOutcome(Status status, PaymentRecord record, SpendTotals totals) {
  public enum Status { ACCEPTED, DUPLICATE, MONTH_LIMIT, DAY_LIMIT }
}
