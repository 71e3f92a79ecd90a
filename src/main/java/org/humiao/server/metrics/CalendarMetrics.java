package org.humiao.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.minor.policy.HolidayCalendar;
import org.humiao.minor.policy.PolicyRegistry;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * How long the State Council's published holiday calendar still lasts: a gauge of the days left
 * (negative once past it) and a warning at start when this year's or, from November, next year's
 * notice is not loaded, since then only the law's statutory days are known, not the bridge days or
 * adjusted workdays.
 */
public final class CalendarMetrics {
  private static final System.Logger LOG = System.getLogger(CalendarMetrics.class.getName());
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** The notice of a year comes out in November or December of the year before. */
  private static final int WARN_FROM_MONTH = 11;

  private CalendarMetrics() {}

  /** Days from today (Beijing) to the last day of the published calendar; empty without one. */
  public static OptionalLong daysLeft(HolidayCalendar calendar, Clock clock) {
    LocalDate through = calendar.publishedThrough();
    return through == null ? OptionalLong.empty()
        : OptionalLong.of(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(CHINA)), through));
  }

  public static void register(MeterRegistry registry, PolicyRegistry policies, Clock clock) {
    Gauge.builder("humiao.calendar.published.days.left", () -> {
          OptionalLong left = daysLeft(policies.current().calendar(), clock);
          return left.isPresent() ? (double) left.getAsLong() : Double.NaN;
        })
        .description("days until the loaded State Council holiday notices run out (negative: past them)")
        .register(registry);
    HolidayCalendar calendar = policies.current().calendar();
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    int missing = !calendar.published(today.getYear()) ? today.getYear()
        : today.getMonthValue() >= WARN_FROM_MONTH && !calendar.published(today.getYear() + 1) ? today.getYear() + 1 : 0;
    if (missing != 0) {
      LOG.log(Level.WARNING, "the holiday notice of " + missing + " is not in the policies' holidays/: its statutory "
          + "days are computed from the law, without bridge days or adjusted workdays (调休); add holidays/" + missing
          + ".json when the State Council publishes it (docs/minor-mode.md, Policy files)");
    }
  }
}
