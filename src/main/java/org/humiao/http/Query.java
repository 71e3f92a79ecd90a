package org.humiao.http;

import io.vertx.ext.web.RoutingContext;

/** Query parameters every feature reads the same way, refused with the field named. */
public final class Query {
  private Query() {}

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
