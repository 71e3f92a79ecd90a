package org.humiao.events.summary;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.ViolationEvent.Kind;
import org.humiao.events.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViolationSummariesTest {
  private static final LocalDate NOV_23 = LocalDate.parse("2026-11-23");
  private static final LocalDate NOV_24 = LocalDate.parse("2026-11-24");
  private static final LocalDate NOV_25 = LocalDate.parse("2026-11-25");

  private final ViolationSummaries summaries = new ViolationSummaries();

  @BeforeEach
  void record() {
    List<ViolationEvent> events = List.of(
        // 2026-11-23 in Beijing
        SampleEvents.event("a", Instant.parse("2026-11-23T01:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 3, "110000"),
        SampleEvents.event("b", Instant.parse("2026-11-23T02:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 3, "110000"),
        SampleEvents.event("c", Instant.parse("2026-11-23T03:00:00Z"), "demo", Kind.TEXT_REVIEW, "threat", 2, "310000"),
        SampleEvents.event("d", Instant.parse("2026-11-23T04:00:00Z"), "other", Kind.TEXT_BLOCKED, "threat", 4, "310000"),
        // 16:30 UTC is already the 24th in Beijing
        SampleEvents.event("e", Instant.parse("2026-11-23T16:30:00Z"), "other", Kind.CURFEW_ATTEMPT, "curfew", 1, null),
        SampleEvents.event("f", Instant.parse("2026-11-24T05:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 4, "110000"),
        // the next quarter
        SampleEvents.event("g", Instant.parse("2027-01-02T05:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 3, "110000"));
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      entries.add(new JournalEntry(i, events.get(i)));
    }
    summaries.accept(entries);
  }

  private List<SummaryRow> query(LocalDate from, LocalDate to, Set<Dimension> groupBy, String platform) {
    return summaries.query(new SummaryQuery(from, to, groupBy, platform));
  }

  private static SummaryRow row(String period, String platform, String category, Kind kind, String region, long events,
                                long mandatory, int maxSeverity) {
    return new SummaryRow(period, platform, category, kind, region, null, events, mandatory, maxSeverity);
  }

  @Test
  void withoutGroupingEverythingInRangeIsOneRow() {
    assertEquals(List.of(row(null, null, null, null, null, 6, 2, 4)), query(NOV_23, NOV_25, Set.of(), null));
  }

  @Test
  void daysAreBeijingDaysAndTheRangeExcludesItsEnd() {
    assertEquals(List.of(row("2026-11-23", null, null, null, null, 4, 1, 4),
            row("2026-11-24", null, null, null, null, 2, 1, 4)),
        query(NOV_23, NOV_25, Set.of(Dimension.DAY), null));
    assertEquals(List.of(row("2026-11-23", null, null, null, null, 4, 1, 4)),
        query(NOV_23, NOV_24, Set.of(Dimension.DAY), null));
  }

  @Test
  void groupsByPlatform() {
    assertEquals(List.of(row(null, "demo", null, null, null, 4, 1, 4), row(null, "other", null, null, null, 2, 1, 4)),
        query(NOV_23, NOV_25, Set.of(Dimension.PLATFORM), null));
  }

  @Test
  void groupsByCategory() {
    assertEquals(List.of(row(null, null, "curfew", null, null, 1, 0, 1), row(null, null, "insult", null, null, 3, 1, 4),
            row(null, null, "threat", null, null, 2, 1, 4)),
        query(NOV_23, NOV_25, Set.of(Dimension.CATEGORY), null));
  }

  @Test
  void groupsByKind() {
    assertEquals(List.of(row(null, null, null, Kind.TEXT_BLOCKED, null, 4, 2, 4),
            row(null, null, null, Kind.TEXT_REVIEW, null, 1, 0, 2),
            row(null, null, null, Kind.CURFEW_ATTEMPT, null, 1, 0, 1)),
        query(NOV_23, NOV_25, Set.of(Dimension.KIND), null));
  }

  @Test
  void groupsByRegionWithUnknownRegionsApart() {
    assertEquals(List.of(row(null, null, null, null, null, 1, 0, 1), row(null, null, null, null, "110000", 3, 1, 4),
            row(null, null, null, null, "310000", 2, 1, 4)),
        query(NOV_23, NOV_25, Set.of(Dimension.REGION), null));
  }

  @Test
  void groupsBySeveralDimensions() {
    assertEquals(List.of(row("2026-11-23", "demo", "insult", null, null, 2, 0, 3),
            row("2026-11-23", "demo", "threat", null, null, 1, 0, 2),
            row("2026-11-23", "other", "threat", null, null, 1, 1, 4),
            row("2026-11-24", "demo", "insult", null, null, 1, 1, 4),
            row("2026-11-24", "other", "curfew", null, null, 1, 0, 1)),
        query(NOV_23, NOV_25, EnumSet.of(Dimension.DAY, Dimension.PLATFORM, Dimension.CATEGORY), null));
  }

  @Test
  void aPlatformSeesOnlyItsOwnEvents() {
    assertEquals(List.of(row(null, "other", "curfew", null, null, 1, 0, 1), row(null, "other", "threat", null, null, 1, 1, 4)),
        query(NOV_23, NOV_25, EnumSet.of(Dimension.PLATFORM, Dimension.CATEGORY), "other"));
    assertEquals(List.of(row(null, null, null, null, null, 2, 1, 4)), query(NOV_23, NOV_25, Set.of(), "other"));
    assertEquals(List.of(), query(NOV_23, NOV_25, Set.of(), "nobody"));
  }

  @Test
  void groupsByQuarter() {
    assertEquals(List.of(row("2026-Q4", "demo", null, null, null, 4, 1, 4), row("2026-Q4", "other", null, null, null, 2, 1, 4),
            row("2027-Q1", "demo", null, null, null, 1, 0, 3)),
        query(LocalDate.parse("2026-10-01"), LocalDate.parse("2027-04-01"), EnumSet.of(Dimension.QUARTER, Dimension.PLATFORM), null));
  }

  @Test
  void groupsByBeijingHourOfDaySummedOverTheDays() {
    // 9 in Beijing on the 24th too: hour 9 sums both days
    summaries.accept(List.of(new JournalEntry(7,
        SampleEvents.event("h", Instant.parse("2026-11-24T01:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 3, "110000"))));
    // 01:00 UTC is 9 in Beijing, 16:30 UTC the next day's 0:30
    assertEquals(List.of(hour(9, "demo", 2, 0, 3), hour(10, "demo", 1, 0, 3), hour(11, "demo", 1, 0, 2),
            hour(13, "demo", 1, 1, 4), hour(0, "other", 1, 0, 1), hour(12, "other", 1, 1, 4)),
        query(NOV_23, NOV_25, EnumSet.of(Dimension.HOUR, Dimension.PLATFORM), null));
    assertEquals(List.of(new SummaryRow("2026-11-23", null, null, Kind.TEXT_BLOCKED, null, 9, 1, 0, 3),
            new SummaryRow("2026-11-23", null, null, Kind.TEXT_BLOCKED, null, 10, 1, 0, 3),
            new SummaryRow("2026-11-23", null, null, Kind.TEXT_BLOCKED, null, 12, 1, 1, 4),
            new SummaryRow("2026-11-24", null, null, Kind.TEXT_BLOCKED, null, 9, 1, 0, 3),
            new SummaryRow("2026-11-24", null, null, Kind.TEXT_BLOCKED, null, 13, 1, 1, 4)),
        query(NOV_23, NOV_25, EnumSet.of(Dimension.DAY, Dimension.KIND, Dimension.HOUR), null).stream()
            .filter(r -> r.kind() == Kind.TEXT_BLOCKED).toList());
  }

  private static SummaryRow hour(int hour, String platform, long events, long mandatory, int maxSeverity) {
    return new SummaryRow(null, platform, null, null, null, hour, events, mandatory, maxSeverity);
  }

  @Test
  void countsGrowAsEventsArrive() {
    summaries.accept(List.of(new JournalEntry(7,
        SampleEvents.event("h", Instant.parse("2026-11-23T05:00:00Z"), "demo", Kind.TEXT_BLOCKED, "insult", 3, "110000"))));
    assertEquals(List.of(row(null, "demo", "insult", Kind.TEXT_BLOCKED, "110000", 3, 0, 3)),
        query(NOV_23, NOV_24, EnumSet.of(Dimension.PLATFORM, Dimension.CATEGORY, Dimension.KIND, Dimension.REGION), "demo")
            .stream().filter(r -> "insult".equals(r.category())).toList());
  }

  @Test
  void dayAndQuarterTogetherAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new SummaryQuery(NOV_23, NOV_24, EnumSet.of(Dimension.DAY, Dimension.QUARTER), null));
    assertThrows(IllegalArgumentException.class, () -> new SummaryQuery(NOV_24, NOV_23, Set.of(), null));
  }
}
