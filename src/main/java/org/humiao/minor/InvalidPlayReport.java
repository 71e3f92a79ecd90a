package org.humiao.minor;

/**
 * A report of play whose interval cannot be counted (empty, longer than a day, or ahead of the
 * clock): the caller's mistake, not a fault, so its own type lets the HTTP layer answer 400 while
 * any other exception stays a logged 500.
 */
public final class InvalidPlayReport extends IllegalArgumentException {
  public InvalidPlayReport(long from, long to) {
    super("invalid play interval [" + from + ", " + to + ")");
  }
}
