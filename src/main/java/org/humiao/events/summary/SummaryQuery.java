package org.humiao.events.summary;

import org.humiao.regions.RegionScope;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Counts over the days {@code [from, to)} (Beijing time), grouped by {@code groupBy}; dimensions
 * not grouped by are summed over.
 *
 * @param platform null for every platform (a regulator); a platform sees only its own events
 * @param regions the regions whose events count (a regulator key's scope)
 */
public record SummaryQuery(LocalDate from, LocalDate to, Set<Dimension> groupBy, String platform, RegionScope regions) {
  public SummaryQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("summary range ends (" + to + ") before it starts (" + from + ")");
    }
    // an EnumSet, because a query asks it about every cell
    groupBy = Collections.unmodifiableSet(groupBy.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(groupBy));
    if (groupBy.contains(Dimension.DAY) && groupBy.contains(Dimension.QUARTER)) {
      throw new IllegalArgumentException("group by day or by quarter, not both");
    }
  }

  /** A query of every region. */
  public SummaryQuery(LocalDate from, LocalDate to, Set<Dimension> groupBy, String platform) {
    this(from, to, groupBy, platform, RegionScope.NATIONAL);
  }

  boolean groups(Dimension dimension) {
    return groupBy.contains(dimension);
  }

  /** The period label of {@code day}'s rows: {@code 2026-11-23}, {@code 2026-Q4}, or null when not grouped by time. */
  String period(LocalDate day) {
    if (groups(Dimension.DAY)) {
      return day.toString();
    }
    if (groups(Dimension.QUARTER)) {
      return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }
    return null;
  }
}
