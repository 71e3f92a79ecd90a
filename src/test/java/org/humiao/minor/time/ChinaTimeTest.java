package org.humiao.minor.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChinaTimeTest {
  @Test
  void anEighteenthBirthdayCountsFromItsFirstDay() {
    LocalDate birth = LocalDate.of(2008, 3, 11);
    assertEquals(17, ChinaTime.ageOn(birth, LocalDate.of(2026, 3, 10)));
    assertEquals(18, ChinaTime.ageOn(birth, LocalDate.of(2026, 3, 11)));
  }

  @Test
  void aLeapDayBirthdayIsTheTwentyEighthOfFebruaryInCommonYears() {
    LocalDate birth = LocalDate.of(2008, 2, 29);
    assertEquals(17, ChinaTime.ageOn(birth, LocalDate.of(2026, 2, 27)));
    assertEquals(18, ChinaTime.ageOn(birth, LocalDate.of(2026, 2, 28)));
    // java.time's Period waits for 1 March: the rule here deliberately differs from it
    assertEquals(17, Period.between(birth, LocalDate.of(2026, 2, 28)).getYears());
    // in a leap year the birthday is the 29th itself
    assertEquals(19, ChinaTime.ageOn(birth, LocalDate.of(2028, 2, 28)));
    assertEquals(20, ChinaTime.ageOn(birth, LocalDate.of(2028, 2, 29)));
  }

  @Test
  void daysAreShanghaiDaysWhateverTheServerZone() {
    long lateUtc = java.time.Instant.parse("2026-02-28T16:00:00Z").getEpochSecond();
    assertEquals(LocalDate.of(2026, 3, 1), ChinaTime.day(lateUtc));
    assertEquals(LocalDate.of(2026, 2, 28), ChinaTime.day(lateUtc - 1));
    assertEquals(lateUtc, ChinaTime.startOf(LocalDate.of(2026, 3, 1)));
  }

  @Test
  void windowsWrapPastMidnight() {
    LocalDate day = LocalDate.of(2026, 3, 10);
    long start = ChinaTime.startOf(day);
    LocalWindow curfew = new LocalWindow(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(8, 0));
    assertEquals(java.util.List.of(new Interval(start, start + 8 * 3600), new Interval(start + 22 * 3600, start + 86400)),
        curfew.on(day));
  }

  @Test
  void intervalSetOperations() {
    java.util.List<Interval> a = java.util.List.of(new Interval(0, 10), new Interval(20, 30));
    java.util.List<Interval> b = java.util.List.of(new Interval(5, 25));
    assertEquals(java.util.List.of(new Interval(5, 10), new Interval(20, 25)), Intervals.intersect(a, b));
    assertEquals(java.util.List.of(new Interval(0, 5), new Interval(25, 30)), Intervals.subtract(a, b));
    IntervalSet set = new IntervalSet();
    assertEquals(10, set.add(new Interval(0, 10)));
    assertEquals(5, set.add(new Interval(5, 15)));
    assertEquals(0, set.add(new Interval(2, 8)));
    assertEquals(java.util.List.of(new Interval(15, 25)), set.missing(new Interval(10, 25)));
    assertEquals(java.util.List.of(), set.missing(new Interval(3, 7)));
    assertEquals(new Interval(0, 15), set.runContaining(14));
    assertEquals(15, set.size());
  }
}
