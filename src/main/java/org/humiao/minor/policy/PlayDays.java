package org.humiao.minor.policy;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.LocalWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Service only on some days and hours (国新出发〔2021〕14号: Friday, Saturday, Sunday and statutory
 * holidays, 20:00–21:00). A date is a play day when it is a statutory holiday and {@code
 * holidays} is set, or when its weekday is listed and it is not an adjusted workday (unless
 * {@code adjustedWorkdays} says those count too): a 调休 Saturday is a school day, not a play day.
 */
public record PlayDays(Set<DayOfWeek> weekdays, boolean holidays, boolean adjustedWorkdays, List<LocalWindow> hours) {
  public PlayDays {
    weekdays = Set.copyOf(weekdays);
    hours = List.copyOf(hours);
  }

  public boolean playable(LocalDate date, HolidayCalendar calendar) {
    HolidayCalendar.DayKind kind = calendar.kind(date);
    if (kind == HolidayCalendar.DayKind.STATUTORY_HOLIDAY && holidays) {
      return true;
    }
    return weekdays.contains(date.getDayOfWeek())
        && (kind != HolidayCalendar.DayKind.ADJUSTED_WORKDAY || adjustedWorkdays);
  }

  static PlayDays parse(JsonObject json) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    json.getJsonArray("weekdays").forEach(d -> days.add(DayOfWeek.valueOf((String) d)));
    return new PlayDays(days, json.getBoolean("statutoryHolidays"), json.getBoolean("adjustedWorkdays"),
        PolicyLoader.windows(json.getJsonArray("hours")));
  }
}
