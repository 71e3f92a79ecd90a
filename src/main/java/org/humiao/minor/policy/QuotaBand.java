package org.humiao.minor.policy;

/**
 * Daily play for ages {@code minAge ≤ age < maxAge}: {@code seconds} a day, {@code
 * holidaySeconds} on statutory holidays (null: the same).
 */
public record QuotaBand(int minAge, int maxAge, long seconds, Long holidaySeconds) {
  public boolean covers(int age) {
    return minAge <= age && age < maxAge;
  }

  public long secondsOn(boolean statutoryHoliday) {
    return statutoryHoliday && holidaySeconds != null ? holidaySeconds : seconds;
  }
}
