package org.humiao.minor.policy;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 13 statutory holiday days of 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025) of any year: 元旦 1,
 * 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The festivals that move come from a
 * table of published dates ({@code festivals.tsv}); past the table they are computed, the lunar ones
 * with ICU4J's Chinese calendar and 清明 with the solar-term formula, and the table wins wherever it
 * has the year (the computed 春节 of 2027 and 2030 is a day off: new moons minutes from midnight).
 * Bridge days and adjusted workdays (调休) are the State Council's yearly choice: only its notice has them.
 */
public final class StatutoryHolidays {
  public static final String FILE = "festivals.tsv";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The statutory festivals whose dates move. */
  public enum Festival {
    SPRING_FESTIVAL(1, 1), QINGMING(0, 0), DRAGON_BOAT(5, 5), MID_AUTUMN(8, 15);

    private final int lunarMonth;
    private final int lunarDay;

    Festival(int lunarMonth, int lunarDay) {
      this.lunarMonth = lunarMonth;
      this.lunarDay = lunarDay;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Festival byId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  private final Map<Integer, Map<Festival, LocalDate>> published;

  public StatutoryHolidays(Map<Integer, Map<Festival, LocalDate>> published) {
    Map<Integer, Map<Festival, LocalDate>> copy = new HashMap<>();
    published.forEach((year, dates) -> copy.put(year, Map.copyOf(dates)));
    this.published = Map.copyOf(copy);
  }

  /** Reads the table; a missing file is an empty table (every year computed). */
  public static StatutoryHolidays load(Path file) {
    Map<Integer, Map<Festival, LocalDate>> table = new HashMap<>();
    if (!Files.exists(file)) {
      return new StatutoryHolidays(table);
    }
    try {
      int lineNo = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        try {
          LocalDate date = LocalDate.parse(cells[2]);
          int year = Integer.parseInt(cells[0]);
          if (date.getYear() != year) {
            throw new IllegalArgumentException("date not in its year");
          }
          table.computeIfAbsent(year, y -> new EnumMap<>(Festival.class)).put(Festival.byId(cells[1]), date);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": want year, festival, date: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new StatutoryHolidays(table);
  }

  /** The festival's date in {@code year}: published if the table has it, else computed. */
  public LocalDate date(int year, Festival festival) {
    LocalDate listed = published.getOrDefault(year, Map.of()).get(festival);
    return listed != null ? listed : computed(year, festival);
  }

  /** The festival's date as computed, without the table. */
  public static LocalDate computed(int year, Festival festival) {
    if (festival == Festival.QINGMING) {
      // the 清明 term of the 21st century: [Y x 0.2422 + 4.81] - [Y / 4] April, Y the year within the century
      int y = year % 100;
      return LocalDate.of(year, Month.APRIL, (int) (y * 0.2422 + 4.81) - y / 4);
    }
    ChineseCalendar lunar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
    // 1 March always lies in the lunar year whose new year falls in this Gregorian year
    lunar.setTimeInMillis(LocalDate.of(year, Month.MARCH, 1).atTime(12, 0).atZone(CHINA).toInstant().toEpochMilli());
    int lunarYear = lunar.get(ChineseCalendar.EXTENDED_YEAR);
    lunar.clear();
    lunar.set(ChineseCalendar.EXTENDED_YEAR, lunarYear);
    lunar.set(ChineseCalendar.MONTH, festival.lunarMonth - 1);
    lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    lunar.set(ChineseCalendar.DAY_OF_MONTH, festival.lunarDay);
    lunar.set(ChineseCalendar.HOUR_OF_DAY, 12);
    return Instant.ofEpochMilli(lunar.getTimeInMillis()).atZone(CHINA).toLocalDate();
  }

  /** The 13 statutory holiday days of {@code year}, in order. */
  public Set<LocalDate> of(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    LocalDate springFestival = date(year, Festival.SPRING_FESTIVAL);
    for (int i = -1; i <= 2; i++) {
      days.add(springFestival.plusDays(i));
    }
    days.add(date(year, Festival.QINGMING));
    days.add(LocalDate.of(year, Month.MAY, 1));
    days.add(LocalDate.of(year, Month.MAY, 2));
    days.add(date(year, Festival.DRAGON_BOAT));
    days.add(date(year, Festival.MID_AUTUMN));
    for (int d = 1; d <= 3; d++) {
      days.add(LocalDate.of(year, Month.OCTOBER, d));
    }
    return days;
  }
}
