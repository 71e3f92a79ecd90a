package org.humiao.minor.policy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Statutory holidays (放假) and adjusted workdays (调休上班) of the State Council notices, from the
 * holiday-cn files in {@code policies/holidays/}. Files are keyed by the notice's year, not by the
 * year of their dates (a December date can sit in the next year's file), so every file is loaded
 * and indexed by date. In a year with a notice, a date in no file follows the ordinary week. A year
 * without one (the notice comes out in November or December) still has the 13 statutory days of
 * the law ({@link StatutoryHolidays}), but no bridge days or adjusted workdays: so the play days of
 * a policy that follows holidays never silently lose them when the published calendar runs out.
 */
public final class HolidayCalendar {
  public enum DayKind { STATUTORY_HOLIDAY, ADJUSTED_WORKDAY, ORDINARY }

  private final Map<LocalDate, Boolean> offDays;
  private final Set<Integer> publishedYears;
  private final StatutoryHolidays statutory;
  private final Map<Integer, Set<LocalDate>> computed = new ConcurrentHashMap<>();

  /**
   * @param offDays the notices' days: true off, false an adjusted workday
   * @param publishedYears the years of the notices
   */
  public HolidayCalendar(Map<LocalDate, Boolean> offDays, Set<Integer> publishedYears, StatutoryHolidays statutory) {
    this.offDays = Map.copyOf(offDays);
    this.publishedYears = Set.copyOf(publishedYears);
    this.statutory = statutory;
  }

  public static HolidayCalendar load(Path dir) {
    Map<LocalDate, Boolean> days = new HashMap<>();
    Set<Integer> years = new HashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches("\\d{4}\\.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no holiday files (YYYY.json) in " + dir);
    }
    for (Path f : files) {
      JsonArray list = PolicyLoader.readJson(f).getJsonArray("days");
      // an empty file is a year whose notice is not out yet, as upstream publishes it
      if (!list.isEmpty()) {
        years.add(Integer.parseInt(f.getFileName().toString().substring(0, 4)));
      }
      for (int i = 0; i < list.size(); i++) {
        JsonObject d = list.getJsonObject(i);
        days.put(LocalDate.parse(d.getString("date")), d.getBoolean("isOffDay"));
      }
    }
    return new HolidayCalendar(days, years, StatutoryHolidays.load(dir.resolve(StatutoryHolidays.FILE)));
  }

  public DayKind kind(LocalDate date) {
    Boolean off = offDays.get(date);
    if (off != null) {
      return off ? DayKind.STATUTORY_HOLIDAY : DayKind.ADJUSTED_WORKDAY;
    }
    if (publishedYears.contains(date.getYear())) {
      return DayKind.ORDINARY;
    }
    return computed.computeIfAbsent(date.getYear(), statutory::of).contains(date)
        ? DayKind.STATUTORY_HOLIDAY : DayKind.ORDINARY;
  }

  /** Whether the State Council's notice of {@code year} is loaded (else its days are computed from the law). */
  public boolean published(int year) {
    return publishedYears.contains(year);
  }

  /** The last day of the last year whose notice is loaded, or null when there is none. */
  public LocalDate publishedThrough() {
    return publishedYears.stream().max(Integer::compare).map(y -> LocalDate.of(y, 12, 31)).orElse(null);
  }
}
