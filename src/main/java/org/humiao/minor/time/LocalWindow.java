package org.humiao.minor.time;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A daily span of wall-clock time in Asia/Shanghai, {@code [from, to)}; it wraps past midnight
 * when {@code to} is not after {@code from} (22:00–08:00). Written "HH:mm" in policy files.
 */
public record LocalWindow(LocalTime from, LocalTime to) {
  public LocalWindow {
    if (from.equals(to)) {
      throw new IllegalArgumentException("empty window " + from + "-" + to);
    }
  }

  public static LocalWindow parse(JsonObject json) {
    return new LocalWindow(LocalTime.parse(json.getString("from")), LocalTime.parse(json.getString("to")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("from", from.toString()).put("to", to.toString());
  }

  /** The parts of this window that fall on {@code day}, as sorted epoch-second intervals. */
  public List<Interval> on(LocalDate day) {
    long dayStart = ChinaTime.startOf(day);
    long dayEnd = ChinaTime.startOf(day.plusDays(1));
    long f = dayStart + from.toSecondOfDay();
    long t = dayStart + to.toSecondOfDay();
    List<Interval> out = new ArrayList<>(2);
    if (from.isBefore(to)) {
      out.add(new Interval(f, t));
    } else {
      if (t > dayStart) {
        out.add(new Interval(dayStart, t));
      }
      out.add(new Interval(f, dayEnd));
    }
    return out;
  }

  /** The union of several windows on {@code day}. */
  public static List<Interval> on(List<LocalWindow> windows, LocalDate day) {
    List<Interval> out = new ArrayList<>();
    for (LocalWindow w : windows) {
      out = union(out, w.on(day));
    }
    return out;
  }

  private static List<Interval> union(List<Interval> a, List<Interval> b) {
    IntervalSet set = new IntervalSet();
    a.forEach(set::add);
    b.forEach(set::add);
    return set.intervals();
  }
}
