package org.humiao.pileon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.regions.RegionScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The pile-on section of the regulators' reports, over Beijing days {@code [from, end)}: the levels
 * raised ({@code bullying_surge} events) by platform and by region, from the summaries, so they agree
 * with {@code /v1/regulator/summary}; and the protections switched on for targets in a surge
 * ({@code target_protected}) with the median time from surge to protection, read from the journal
 * (the summaries keep counts, not the seconds; there is at most one such event per surge).
 */
public final class PileOnReport {
  private static final int PAGE = EventPager.MAX_LIMIT;

  private PileOnReport() {}

  /** @param platform null for every platform */
  public static JsonObject build(ViolationSummaries summaries, EventPager pager, LocalDate from, LocalDate end,
      String platform, RegionScope regions) {
    Function<Dimension, List<SummaryRow>> surges = dimension -> summaries.query(new SummaryQuery(from,
        end, EnumSet.of(Dimension.KIND, dimension), platform, regions)).stream()
        .filter(row -> row.kind() == ViolationEvent.Kind.BULLYING_SURGE).toList();
    List<SummaryRow> byPlatform = surges.apply(Dimension.PLATFORM);
    List<Long> seconds = new ArrayList<>();
    Map<String, Long> by = new TreeMap<>();
    for (ProtectedBy who : ProtectedBy.values()) {
      by.put(who.id(), 0L);
    }
    EventFilter filter = new EventFilter(platform, ViolationEvent.Kind.TARGET_PROTECTED, null, 0,
        from.atStartOfDay(ViolationSummaries.ZONE).toInstant(), end.atStartOfDay(ViolationSummaries.ZONE).toInstant(),
        regions);
    long before = Long.MAX_VALUE;
    while (true) {
      EventPage page = pager.page(filter, before, PAGE);
      for (JournalEntry entry : page.entries()) {
        JsonObject evidence = entry.event().evidence();
        seconds.add(evidence.getLong("secondsSinceSurge", 0L));
        by.merge(evidence.getString("by", ProtectedBy.PLATFORM.id()), 1L, Long::sum);
      }
      if (page.nextBefore().isEmpty()) {
        break;
      }
      before = page.nextBefore().getAsLong();
    }
    return new JsonObject()
        .put("levelsRaised", byPlatform.stream().mapToLong(SummaryRow::events).sum())
        .put("mandatoryReports", byPlatform.stream().mapToLong(SummaryRow::mandatoryReports).sum())
        .put("byPlatform", rows(byPlatform, "platform", SummaryRow::platform))
        .put("byRegion", rows(surges.apply(Dimension.REGION), "region", SummaryRow::region))
        .put("protections", seconds.size())
        .put("protectionsBy", new JsonObject(new LinkedHashMap<>(by)))
        .put("medianSecondsToProtection", median(seconds));
  }

  private static JsonArray rows(List<SummaryRow> rows, String name, Function<SummaryRow, String> value) {
    JsonArray out = new JsonArray();
    rows.forEach(row -> out.add(new JsonObject().put(name, value.apply(row)).put("levelsRaised", row.events())
        .put("mandatoryReports", row.mandatoryReports())));
    return out;
  }

  /** The middle value (the mean of the two middle ones for an even count); null for none. */
  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
  }
}
