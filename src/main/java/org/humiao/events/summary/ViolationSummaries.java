package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.regions.RegionScope;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Event counts kept up to date as the journal appends (it is the journal's listener, and the
 * journal replays itself into it on open). A query walks the cells of the days in range, never
 * the events: its cost is the number of distinct (platform, category, kind, region, severity,
 * mandatory report, Beijing hour) combinations per day, however many events they count.
 */
public final class ViolationSummaries implements Consumer<List<JournalEntry>> {
  /** Regulators count by the Beijing calendar day, whatever zone the server runs in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<SummaryRow> ROW_ORDER = Comparator.comparing(SummaryRow::period, TEXT)
      .thenComparing(SummaryRow::platform, TEXT)
      .thenComparing(SummaryRow::category, TEXT)
      .thenComparing(SummaryRow::kind, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(SummaryRow::region, TEXT)
      .thenComparing(SummaryRow::hour, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** No event has a null platform, so the null id can stand for "every platform". */
  private static final int ALL_PLATFORMS = Dictionary.NULL_ID;

  private final Dictionary platforms = new Dictionary("platform", CellKeys.PLATFORMS);
  private final Dictionary categories = new Dictionary("category", CellKeys.CATEGORIES);
  private final Dictionary regions = new Dictionary("region", CellKeys.REGIONS);
  private final NavigableMap<LocalDate, DayCells> days = new ConcurrentSkipListMap<>();

  @Override
  public void accept(List<JournalEntry> batch) {
    for (JournalEntry entry : batch) {
      add(entry.event());
    }
  }

  private void add(ViolationEvent event) {
    ZonedDateTime time = event.time().atZone(ZONE);
    long key = CellKeys.pack(platforms.id(event.platform()), regions.id(event.region()), categories.id(event.category()),
        event.kind().ordinal(), event.mandatoryReport(), time.getHour(), event.severity());
    days.computeIfAbsent(time.toLocalDate(), day -> new DayCells()).add(key, 1);
  }

  /** Adds the count of events no longer in the journal (the {@link SummaryArchive}'s). */
  void add(SummaryCell cell, long events) {
    long key = CellKeys.pack(platforms.id(cell.platform()), regions.id(cell.region()), categories.id(cell.category()),
        cell.kind().ordinal(), cell.mandatoryReport(), cell.hour() == null ? CellKeys.UNKNOWN_HOUR : cell.hour(),
        cell.severity());
    days.computeIfAbsent(cell.day(), day -> new DayCells()).add(key, events);
  }

  /** Rows ordered by period, platform, category, kind, region, hour. */
  public List<SummaryRow> query(SummaryQuery query) {
    int scope = query.platform() == null ? ALL_PLATFORMS : platforms.find(query.platform());
    if (scope == Dictionary.MISSING) {
      return List.of();
    }
    boolean[] regionsInScope = regionsIn(query.regions());
    Grouping grouping = new Grouping(query, platforms, categories, regions);
    List<String> periods = new ArrayList<>();
    Map<Long, Tally> groups = new HashMap<>();
    days.subMap(query.from(), true, query.to(), false).forEach((day, cells) -> {
      // days come in order, so the days of one period are consecutive
      String period = query.period(day);
      if (periods.isEmpty() || !Objects.equals(periods.get(periods.size() - 1), period)) {
        periods.add(period);
      }
      int periodIndex = periods.size() - 1;
      DayCells.Snapshot snapshot = cells.snapshot();
      long[] keys = snapshot.keys();
      for (int i = 0; i < snapshot.size(); i++) {
        long key = keys[i];
        if (scope != ALL_PLATFORMS && CellKeys.platform(key) != scope) {
          continue;
        }
        // a region first seen after the mask was made is left out, as an event after the query would be
        int region = CellKeys.region(key);
        if (regionsInScope != null && (region >= regionsInScope.length || !regionsInScope[region])) {
          continue;
        }
        long group = grouping.pack(periodIndex, key);
        if (group >= 0) {
          groups.computeIfAbsent(group, g -> new Tally()).add(key, snapshot.counts().get(i));
        }
      }
    });
    String[] periodLabels = periods.toArray(String[]::new);
    List<SummaryRow> rows = new ArrayList<>(groups.size());
    groups.forEach((group, tally) ->
        rows.add(grouping.row(group, periodLabels, tally.events, tally.mandatoryReports, tally.maxSeverity)));
    rows.sort(ROW_ORDER);
    return rows;
  }

  /** Which region ids are in {@code scope}, tested once per distinct region; null for the national scope. */
  private boolean[] regionsIn(RegionScope scope) {
    if (scope.national()) {
      return null;
    }
    boolean[] in = new boolean[regions.size()];
    for (int id = 0; id < in.length; id++) {
      in[id] = scope.contains(regions.value(id));
    }
    return in;
  }

  private static final class Tally {
    long events;
    long mandatoryReports;
    int maxSeverity = Integer.MIN_VALUE;

    void add(long cell, long count) {
      events += count;
      if (CellKeys.mandatoryReport(cell)) {
        mandatoryReports += count;
      }
      maxSeverity = Math.max(maxSeverity, CellKeys.severity(cell));
    }
  }
}
