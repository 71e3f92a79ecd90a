package org.humiao.http;

import io.vertx.ext.web.RoutingContext;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Query parameters every feature reads the same way, refused with the field named. */
public final class Query {
  /** Dates a query may name: events are not older, and a far year only makes periods to walk through. */
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

  private Query() {}

  /**
   * A date {@code YYYY-MM-DD} from 2000 to 2099, or null when the parameter is not given.
   *
   * @throws ApiError invalid_field when it is given but is no such date
   */
  public static LocalDate date(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
        return date;
      }
    } catch (DateTimeException e) {
      // answered below, as a date out of range is
    }
    throw BodyFields.invalid(name, "a date YYYY-MM-DD from " + EARLIEST + " to " + LATEST);
  }

  /**
   * A whole number in {@code [min, max]}, or {@code absent} when the parameter is not given.
   *
   * @throws ApiError invalid_field when it is given but is no such number
   */
  public static long number(RoutingContext ctx, String name, long absent, long min, long max) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return absent;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, as a number out of range is
    }
    throw BodyFields.invalid(name, "a whole number from " + min + " to " + max);
  }
}
