package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;

/**
 * Packs the dimensions a query groups by into one long, in mixed radix over the dictionary ids
 * known when the query started, and unpacks them for its rows. A dimension not grouped by has
 * radix 1 and always packs as 0.
 */
final class Grouping {
  private static final ViolationEvent.Kind[] KINDS = ViolationEvent.Kind.values();

  private final boolean byPlatform;
  private final boolean byCategory;
  private final boolean byKind;
  private final boolean byRegion;
  private final boolean byHour;
  private final Dictionary platforms;
  private final Dictionary categories;
  private final Dictionary regions;
  private final int platformRadix;
  private final int categoryRadix;
  private final int kindRadix;
  private final int regionRadix;
  private final int hourRadix;

  Grouping(SummaryQuery query, Dictionary platforms, Dictionary categories, Dictionary regions) {
    this.byPlatform = query.groups(Dimension.PLATFORM);
    this.byCategory = query.groups(Dimension.CATEGORY);
    this.byKind = query.groups(Dimension.KIND);
    this.byRegion = query.groups(Dimension.REGION);
    this.byHour = query.groups(Dimension.HOUR);
    this.platforms = platforms;
    this.categories = categories;
    this.regions = regions;
    // sizes now: every id a cell may hold, bar cells made while the query runs
    this.platformRadix = byPlatform ? platforms.size() : 1;
    this.categoryRadix = byCategory ? categories.size() : 1;
    this.kindRadix = byKind ? KINDS.length : 1;
    this.regionRadix = byRegion ? regions.size() : 1;
    this.hourRadix = byHour ? CellKeys.HOURS : 1;
  }

  /**
   * The group of a cell in period {@code period}, or -1 for a cell holding an id newer than the
   * query: its events arrived after the query began, and would not fit the radix.
   */
  long pack(int period, long cell) {
    int platform = byPlatform ? CellKeys.platform(cell) : 0;
    int category = byCategory ? CellKeys.category(cell) : 0;
    int kind = byKind ? CellKeys.kind(cell) : 0;
    int region = byRegion ? CellKeys.region(cell) : 0;
    int hour = byHour ? CellKeys.hour(cell) : 0;
    if (platform >= platformRadix || category >= categoryRadix || region >= regionRadix) {
      return -1;
    }
    return (((((long) period * platformRadix + platform) * categoryRadix + category) * kindRadix + kind) * regionRadix
        + region) * hourRadix + hour;
  }

  SummaryRow row(long packed, String[] periods, long events, long mandatoryReports, int maxSeverity) {
    int hour = (int) (packed % hourRadix);
    packed /= hourRadix;
    int region = (int) (packed % regionRadix);
    packed /= regionRadix;
    int kind = (int) (packed % kindRadix);
    packed /= kindRadix;
    int category = (int) (packed % categoryRadix);
    packed /= categoryRadix;
    int platform = (int) (packed % platformRadix);
    int period = (int) (packed / platformRadix);
    return new SummaryRow(periods[period],
        byPlatform ? platforms.value(platform) : null,
        byCategory ? categories.value(category) : null,
        byKind ? KINDS[kind] : null,
        byRegion ? regions.value(region) : null,
        byHour && hour != CellKeys.UNKNOWN_HOUR ? Integer.valueOf(hour) : null,
        events, mandatoryReports, maxSeverity);
  }
}
