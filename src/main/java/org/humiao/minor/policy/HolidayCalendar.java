package org.humiao.minor.policy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Statutory holidays (放假) and adjusted workdays (调休上班) of the State Council notices, from the
 * holiday-cn files in {@code policies/holidays/}. Files are keyed by the notice's year, not by the
 * year of their dates (a December date can sit in the next year's file), so every file is loaded
 * and indexed by date. A date in no file follows the ordinary week.
 */
public final class HolidayCalendar {
  public enum DayKind { STATUTORY_HOLIDAY, ADJUSTED_WORKDAY, ORDINARY }

  private final Map<LocalDate, Boolean> offDays;

  public HolidayCalendar(Map<LocalDate, Boolean> offDays) {
    this.offDays = Map.copyOf(offDays);
  }

  public static HolidayCalendar load(Path dir) {
    Map<LocalDate, Boolean> days = new HashMap<>();
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
      for (int i = 0; i < list.size(); i++) {
        JsonObject d = list.getJsonObject(i);
        days.put(LocalDate.parse(d.getString("date")), d.getBoolean("isOffDay"));
      }
    }
    return new HolidayCalendar(days);
  }

  public DayKind kind(LocalDate date) {
    Boolean off = offDays.get(date);
    if (off == null) {
      return DayKind.ORDINARY;
    }
    return off ? DayKind.STATUTORY_HOLIDAY : DayKind.ADJUSTED_WORKDAY;
  }
}
