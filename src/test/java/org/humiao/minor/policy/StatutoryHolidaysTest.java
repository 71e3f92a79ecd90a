package org.humiao.minor.policy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.policy.StatutoryHolidays.Festival;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The law's 13 days for years without a notice, the published festival dates over the computed ones. */
class StatutoryHolidaysTest {
  private static final Path SHIPPED = Path.of("policies", "holidays");
  private static final StatutoryHolidays TABLE = StatutoryHolidays.load(SHIPPED.resolve(StatutoryHolidays.FILE));

  @Test
  void theLawsThirteenDaysOf2027() {
    Set<LocalDate> expected = new TreeSet<>();
    for (String d : List.of("2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05",
        "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03")) {
      expected.add(LocalDate.parse(d));
    }
    assertEquals(expected, TABLE.of(2027));
  }

  @Test
  void theComputedCalendarDiffersFromThePublishedDatesOnlyWhereANewMoonIsMinutesFromMidnight() {
    List<String> differences = new ArrayList<>();
    for (int year = 2024; year <= 2035; year++) {
      for (Festival f : Festival.values()) {
        LocalDate computed = StatutoryHolidays.computed(year, f);
        if (!computed.equals(TABLE.date(year, f))) {
          differences.add(year + " " + f.id() + " computed " + computed + ", published " + TABLE.date(year, f));
        }
      }
    }
    assertEquals(List.of("2027 spring_festival computed 2027-02-07, published 2027-02-06",
        "2030 spring_festival computed 2030-02-02, published 2030-02-03"), differences);
  }

  @Test
  void everyStatutoryDayOfThePublishedYearsIsADayOffInItsNotice() {
    HolidayCalendar published = HolidayCalendar.load(SHIPPED);
    // the revised law is in force from 2025 (before it, 11 days: no 除夕, one 劳动节 day)
    for (int year = 2025; year <= 2026; year++) {
      assertTrue(published.published(year), "no notice of " + year);
      for (LocalDate day : TABLE.of(year)) {
        assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, published.kind(day), day.toString());
      }
    }
  }

  @Test
  void aYearWithoutItsNoticeHasTheLawsDaysAndANoticeWhenAddedOverridesThem(@TempDir Path dir) throws Exception {
    Files.copy(SHIPPED.resolve("2026.json"), dir.resolve("2026.json"));
    Files.copy(SHIPPED.resolve(StatutoryHolidays.FILE), dir.resolve(StatutoryHolidays.FILE));
    // upstream publishes an empty file for a year whose notice is not out
    Files.writeString(dir.resolve("2027.json"), new JsonObject().put("year", 2027).put("days", new JsonArray()).encode());
    HolidayCalendar before = HolidayCalendar.load(dir);
    assertFalse(before.published(2027));
    assertEquals(LocalDate.of(2026, 12, 31), before.publishedThrough());
    assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, before.kind(LocalDate.of(2027, 6, 9)));
    assertEquals(HolidayCalendar.DayKind.ORDINARY, before.kind(LocalDate.of(2027, 6, 10)));
    assertEquals(HolidayCalendar.DayKind.ORDINARY, before.kind(LocalDate.of(2027, 2, 20)), "no adjusted workdays are guessed");

    JsonArray days = new JsonArray()
        .add(day("2027-06-09", true)).add(day("2027-06-10", true)).add(day("2027-06-12", false));
    Files.writeString(dir.resolve("2027.json"), new JsonObject().put("year", 2027).put("days", days).encode());
    HolidayCalendar after = HolidayCalendar.load(dir);
    assertTrue(after.published(2027));
    assertEquals(LocalDate.of(2027, 12, 31), after.publishedThrough());
    assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, after.kind(LocalDate.of(2027, 6, 10)), "a bridge day");
    assertEquals(HolidayCalendar.DayKind.ADJUSTED_WORKDAY, after.kind(LocalDate.of(2027, 6, 12)));
    assertEquals(HolidayCalendar.DayKind.ORDINARY, after.kind(LocalDate.of(2027, 10, 1)), "the notice, not the law, says");
  }

  @Test
  void withoutAnyNoticeNothingIsPublished(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2027.json"), new JsonObject().put("year", 2027).put("days", new JsonArray()).encode());
    HolidayCalendar none = HolidayCalendar.load(dir);
    assertNull(none.publishedThrough());
    // no table either: the festivals are computed
    assertEquals(HolidayCalendar.DayKind.STATUTORY_HOLIDAY, none.kind(LocalDate.of(2028, 1, 26)));
  }

  private static JsonObject day(String date, boolean off) {
    return new JsonObject().put("name", "端午节").put("date", date).put("isOffDay", off);
  }
}
