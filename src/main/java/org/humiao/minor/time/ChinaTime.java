package org.humiao.minor.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Local days in Asia/Shanghai, where every minor-mode rule is stated: curfews, windows, days,
 * months and ages all follow the clock on the wall in China, whatever zone the server runs in.
 */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  public static LocalDate day(long epochSecond) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZONE);
  }

  public static long startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toEpochSecond();
  }

  public static Interval wholeDay(LocalDate day) {
    return new Interval(startOf(day), startOf(day.plusDays(1)));
  }

  /** Completed years (周岁) on {@code day}: see {@link #birthdayIn}. Negative before birth. */
  public static int ageOn(LocalDate birthDate, LocalDate day) {
    int age = day.getYear() - birthDate.getYear();
    return day.isBefore(birthdayIn(birthDate, day.getYear())) ? age - 1 : age;
  }

  /**
   * The birthday in {@code year}; a 29 February birthday falls on 28 February in a common year,
   * so someone born on 2008-02-29 is 18 from 2026-02-28 00:00. (java.time's Period would wait
   * until 1 March.)
   */
  public static LocalDate birthdayIn(LocalDate birthDate, int year) {
    return birthDate.withYear(year);
  }
}
