package org.humiao.events.summary;

/**
 * A cell's key, everything an event is counted by within its day, packed into one long so a day's
 * cells are two flat arrays that a query streams through instead of a million objects it chases:
 *
 * <pre>
 *   bits 48–63 platform id   32–47 region id   20–31 category id   16–19 kind   15 mandatory report
 *        10–14 Beijing hour of day   0–9 severity
 * </pre>
 *
 * The widths bound the dictionaries ({@link #PLATFORMS}, {@link #REGIONS}, {@link #CATEGORIES}).
 */
final class CellKeys {
  static final int PLATFORMS = 1 << 16;
  static final int REGIONS = 1 << 16;
  static final int CATEGORIES = 1 << 12;
  /** Severities are 0–4; the bound only keeps a nonsense value from spilling into other fields. */
  private static final int MAX_SEVERITY = (1 << 10) - 1;
  /** Hours are 0–23; this one stands for an hour not known (counts archived before hours were kept). */
  static final int UNKNOWN_HOUR = 24;
  static final int HOURS = UNKNOWN_HOUR + 1;

  private CellKeys() {}

  static long pack(int platform, int region, int category, int kind, boolean mandatoryReport, int hour, int severity) {
    return (long) platform << 48 | (long) region << 32 | (long) category << 20 | (long) kind << 16
        | (mandatoryReport ? 1L << 15 : 0) | (long) hour << 10 | Math.max(0, Math.min(severity, MAX_SEVERITY));
  }

  static int platform(long key) {
    return (int) (key >>> 48);
  }

  static int region(long key) {
    return (int) (key >>> 32) & 0xFFFF;
  }

  static int category(long key) {
    return (int) (key >>> 20) & 0xFFF;
  }

  static int kind(long key) {
    return (int) (key >>> 16) & 0xF;
  }

  static boolean mandatoryReport(long key) {
    return (key & 1L << 15) != 0;
  }

  static int hour(long key) {
    return (int) (key >>> 10) & 0x1F;
  }

  static int severity(long key) {
    return (int) key & MAX_SEVERITY;
  }
}
