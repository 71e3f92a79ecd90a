package org.humiao.minor.policy;

/**
 * Spending for ages {@code minAge ≤ age < maxAge}, in fen: at most {@code perPaymentFen} a
 * payment and {@code perMonthFen} a calendar month (Asia/Shanghai). Zero per payment: none at all.
 */
public record SpendingBand(int minAge, int maxAge, long perPaymentFen, long perMonthFen) {
  public boolean covers(int age) {
    return minAge <= age && age < maxAge;
  }
}
