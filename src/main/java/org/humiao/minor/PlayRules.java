package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.policy.CurfewRule;
import org.humiao.minor.policy.GuestRule;
import org.humiao.minor.policy.HolidayCalendar;
import org.humiao.minor.policy.MinorPolicy;
import org.humiao.minor.policy.PlayDays;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.PlayTally;
import org.humiao.minor.store.StopRule;
import org.humiao.minor.time.ChinaTime;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.Intervals;
import org.humiao.minor.time.LocalWindow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The play rules of one request's context, day by day: which seconds of a local day are open
 * (policy days and hours, minus the curfew, within the guardian's windows), which budget play is
 * counted against and why a moment is closed. Only reads the store, except {@link #openBudgetAt}.
 * Budgets' play and the guest window come from what the call read at its start ({@link
 * RequestContext#state}) and what it changed since; the store is asked only for what neither holds.
 */
final class PlayRules {
  /** How far ahead the next opening is searched: past a guest's 15-day window. */
  static final int HORIZON_DAYS = 31;

  private final RequestContext ctx;
  private final MinorPolicy policy;
  private final GuardianControls guardian;
  private final PlayStateStore store;
  private final boolean guest;
  /** Allowed play by budget key, as read or as last counted by this call. */
  private final Map<String, Long> allowed;
  private OptionalLong guestStart;

  PlayRules(RequestContext ctx, PlayStateStore store) {
    this.ctx = ctx;
    this.policy = ctx.policy();
    this.guardian = ctx.guardian();
    this.store = store;
    this.guest = ctx.subject() instanceof Subject.Guest;
    this.allowed = new HashMap<>(ctx.state().allowedPlay());
    this.guestStart = ctx.state().guestWindow();
  }

  RequestContext context() {
    return ctx;
  }

  /** No minor-mode limit applies on {@code day}: an adult, or a guest the policy does not limit. */
  boolean unrestricted(LocalDate day) {
    if (ctx.subject() instanceof Subject.Person p) {
      return ChinaTime.ageOn(p.birthDate(), day) >= 18;
    }
    GuestRule g = policy.guests();
    return g.allowed() && g.seconds() == null && !g.curfew();
  }

  /** The reason play is allowed when {@link #unrestricted}. */
  ReasonCode unrestrictedReason() {
    return guest ? ReasonCode.WITHIN_LIMITS : ReasonCode.ADULT;
  }

  /** Why the whole day is closed, or null. */
  ReasonCode closedOn(LocalDate day) {
    if (guest && !policy.guests().allowed()) {
      return ReasonCode.GUEST_NOT_ALLOWED;
    }
    if (guardian != null && guardian.playBan()) {
      return ReasonCode.GUARDIAN_PLAY_BAN;
    }
    PlayDays days = playDays();
    if (days != null && !days.playable(day, ctx.book().calendar())) {
      return ReasonCode.NOT_A_PLAY_DAY;
    }
    return null;
  }

  /** The open seconds of {@code day}, sorted. */
  List<Interval> windows(LocalDate day) {
    if (closedOn(day) != null) {
      return List.of();
    }
    List<Interval> open = List.of(ChinaTime.wholeDay(day));
    PlayDays days = playDays();
    if (days != null) {
      open = Intervals.intersect(open, LocalWindow.on(days.hours(), day));
    }
    open = Intervals.subtract(open, curfew(day));
    if (guardian != null && !guardian.windows().isEmpty()) {
      open = Intervals.intersect(open, LocalWindow.on(guardian.windows(), day));
    }
    return open;
  }

  /** Why play at {@code second} is refused, or null if it is allowed. */
  ReasonCode refusalAt(long second) {
    LocalDate day = ChinaTime.day(second);
    if (unrestricted(day)) {
      return null;
    }
    ReasonCode closed = closedOn(day);
    if (closed != null) {
      return closed;
    }
    if (Intervals.containing(windows(day), second) == null) {
      if (Intervals.containing(curfew(day), second) != null) {
        return ReasonCode.CURFEW;
      }
      PlayDays days = playDays();
      if (days != null && Intervals.containing(LocalWindow.on(days.hours(), day), second) == null) {
        return ReasonCode.OUTSIDE_PLAY_HOURS;
      }
      return ReasonCode.GUARDIAN_WINDOW;
    }
    Budget budget = budgetAt(second);
    return used(budget) >= budget.capSeconds() ? budget.exhausted() : null;
  }

  /**
   * Seconds of play left from {@code second} on without a break: up to the end of the open window
   * or the budget, whichever comes first, continuing past midnight when the next day is open from
   * 00:00. Empty: no limit.
   */
  OptionalLong secondsLeft(long second) {
    long left = 0;
    long at = second;
    Map<String, Long> taken = new HashMap<>();
    for (int day = 0; day < 3; day++) {
      LocalDate date = ChinaTime.day(at);
      if (unrestricted(date)) {
        return OptionalLong.empty();
      }
      Interval window = Intervals.containing(windows(date), at);
      if (window == null) {
        break;
      }
      Budget budget = budgetAt(at);
      long remaining = budget.capSeconds() - used(budget) - taken.getOrDefault(budget.key(), 0L);
      long take = Math.min(window.to() - at, Math.max(0, remaining));
      left += take;
      taken.merge(budget.key(), take, Long::sum);
      if (take < window.to() - at || window.to() != ChinaTime.startOf(date.plusDays(1))) {
        break;
      }
      at = window.to();
    }
    return OptionalLong.of(left);
  }

  /**
   * When play up to {@code second} leaves no time ({@link #secondsLeft} 0 there), as a rule on the
   * played total a store can check after counting: marked at {@code markAt}. Empty when no limit applies.
   */
  Optional<StopRule> stopRule(long second, long markAt) {
    LocalDate day = ChinaTime.day(second);
    if (unrestricted(day)) {
      return Optional.empty();
    }
    if (Intervals.containing(windows(day), second) == null) {
      return Optional.of(new StopRule(markAt, null, 0));
    }
    Budget budget = budgetAt(second);
    return Optional.of(new StopRule(markAt, budget.key(), budget.capSeconds()));
  }

  /** The first moment at or after {@code second} when play is allowed, if within the horizon. */
  OptionalLong nextOpening(long second) {
    LocalDate first = ChinaTime.day(second);
    for (int i = 0; i <= HORIZON_DAYS; i++) {
      LocalDate day = first.plusDays(i);
      if (unrestricted(day)) {
        return OptionalLong.of(Math.max(second, ChinaTime.startOf(day)));
      }
      for (Interval window : windows(day)) {
        long at = Math.max(window.from(), second);
        while (at < window.to()) {
          Budget budget = budgetAt(at);
          if (used(budget) < budget.capSeconds()) {
            return OptionalLong.of(at);
          }
          at = budget.renewsAt();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** The budget play at {@code second} is counted against, without starting a guest window. */
  Budget budgetAt(long second) {
    if (ctx.subject() instanceof Subject.Person p) {
      LocalDate day = ChinaTime.day(second);
      boolean holiday = ctx.book().calendar().kind(day) == HolidayCalendar.DayKind.STATUTORY_HOLIDAY;
      long policyCap = policy.quotaFor(ChinaTime.ageOn(p.birthDate(), day))
          .map(b -> b.secondsOn(holiday)).orElse(Long.MAX_VALUE);
      long guardianCap = guardian != null && guardian.dailyQuotaSeconds() != null
          ? guardian.dailyQuotaSeconds() : Long.MAX_VALUE;
      return new Budget(Keys.dayPlay(p.personId(), ctx.operator(), ctx.service(), day),
          Math.min(policyCap, guardianCap), ChinaTime.startOf(day.plusDays(1)),
          guardianCap < policyCap ? ReasonCode.GUARDIAN_DAILY_QUOTA : ReasonCode.DAILY_QUOTA_EXHAUSTED);
    }
    long period = guestPeriod();
    if (guestStart.isPresent() && second < guestStart.getAsLong() + period) {
      return guestBudget(guestStart.getAsLong());
    }
    return new Budget(null, guestCap(), Long.MAX_VALUE, ReasonCode.GUEST_QUOTA_EXHAUSTED);
  }

  /** Like {@link #budgetAt}, but starts a guest's window when none is running: play is counted. */
  Budget openBudgetAt(long second) {
    if (!guest) {
      return budgetAt(second);
    }
    long period = guestPeriod();
    if (guestStart.isEmpty() || second >= guestStart.getAsLong() + period) {
      guestStart = OptionalLong.of(store.openGuestWindow(deviceKey(), second, period));
    }
    return guestBudget(guestStart.getAsLong());
  }

  long used(Budget budget) {
    return budget.key() == null ? 0
        : allowed.computeIfAbsent(budget.key(), key -> store.playTotals(key, 0).allowedTotal());
  }

  /** Play was just counted against a budget: {@link #used} answers its new total from now on. */
  void counted(String budgetKey, PlayTally tally) {
    allowed.put(budgetKey, tally.allowedTotal());
  }

  private Budget guestBudget(long start) {
    return new Budget(Keys.guestPlay(deviceKey(), start), guestCap(), start + guestPeriod(),
        ReasonCode.GUEST_QUOTA_EXHAUSTED);
  }

  private long guestCap() {
    Long seconds = policy.guests().seconds();
    return seconds == null ? Long.MAX_VALUE : seconds;
  }

  /** A policy without a guest period keeps one window per device for good. */
  private long guestPeriod() {
    int days = policy.guests().periodDays();
    return days > 0 ? days * 86_400L : Long.MAX_VALUE / 4;
  }

  private String deviceKey() {
    return Keys.guestDevice(ctx.operator(), ctx.service(), ((Subject.Guest) ctx.subject()).device());
  }

  /** The policy's play days, for persons and for guests the policy holds to them. */
  private PlayDays playDays() {
    return guest && !policy.guests().curfew() ? null : policy.playDays();
  }

  /** The curfew seconds of {@code day}, less any guardian exception the policy allows. */
  private List<Interval> curfew(LocalDate day) {
    CurfewRule rule = policy.curfew();
    if (rule == null || (guest && !policy.guests().curfew())) {
      return List.of();
    }
    List<Interval> hours = rule.window().on(day);
    if (rule.guardianException() && guardian != null && guardian.curfewExceptionUntil() != null) {
      return Intervals.subtract(hours, List.of(new Interval(Long.MIN_VALUE / 2, guardian.curfewExceptionUntil())));
    }
    return hours;
  }
}
