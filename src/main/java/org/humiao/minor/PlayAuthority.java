package org.humiao.minor;

import org.humiao.minor.store.Keys;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.store.PlayAdd;
import org.humiao.minor.store.PlayPlan;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.PlayTally;
import org.humiao.minor.time.ChinaTime;
import org.humiao.minor.time.Interval;
import org.humiao.minor.time.Intervals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Sessions: {@link #authorize} before play, {@link #heartbeat} while it goes on, {@link #end} when
 * the platform ends it. Reported play is
 * counted per second into the union of played intervals of its budget, so retried, duplicated or
 * reordered heartbeats count each second once, and cut exactly at every boundary: seconds in an
 * open window and within the budget are allowed play, all others are play after a stop.
 */
final class PlayAuthority {
  /** How far a report may run ahead of the clock (clock skew between platform and Humiao). */
  static final long MAX_FUTURE_SECONDS = 300;
  static final long MAX_REPORT_SECONDS = 86_400;

  private final RequestContexts contexts;
  private final PlayStateStore store;
  private final Violations violations;
  private final SessionReports reports;
  private final Clock clock;

  PlayAuthority(RequestContexts contexts, PlayStateStore store, Violations violations, SessionReports reports,
                Clock clock) {
    this.contexts = contexts;
    this.store = store;
    this.violations = violations;
    this.reports = reports;
    this.clock = clock;
  }

  AuthorizeAnswer authorize(PlayRequest r) {
    long now = clock.instant().getEpochSecond();
    String sessionKey = Keys.session(r.platform(), r.session());
    // a refusal marks the session and an allowed authorize clears its mark: either goes with the read, as a
    // heartbeat's mark does (the stop rule at now holds exactly when refusalAt(now) refuses), nothing counted
    RequestContexts.Counted read = contexts.counting(r.platform(), r.userId(), r.service(), r.device(),
        RequestContexts.daysOf(now), query -> query.session(sessionKey),
        context -> new PlayPlan(List.of(), new PlayRules(context, store).stopRule(now, now), true));
    RequestContext ctx = read.context();
    PlayRules rules = new PlayRules(ctx, store);
    ReasonCode refusal = rules.refusalAt(now);
    if (refusal == null) {
      reports.login(ctx, r.session(), now);
      if (ctx.state().stoppedAt().isPresent() && !read.counted().cleared()) {
        store.clearStopped(sessionKey);
      }
      if (rules.unrestricted(ChinaTime.day(now))) {
        return AuthorizeAnswer.unlimited(rules.unrestrictedReason());
      }
      long left = rules.secondsLeft(now).orElseThrow();
      return AuthorizeAnswer.within(left, Warnings.stage(left));
    }
    if (!read.counted().stopped()) {
      store.markStopped(sessionKey, now);
    }
    OptionalLong next = rules.nextOpening(now);
    violations.report(refusal, ctx, now, "authorize:" + r.session(),
        new JsonObject().put("nextOpening", next.isPresent() ? next.getAsLong() : null));
    return AuthorizeAnswer.refused(refusal, next.isPresent() ? next.getAsLong() : null);
  }

  /**
   * Counts the play {@code [from, to)} (epoch seconds) of a session and answers whether it may go
   * on.
   *
   * @throws InvalidPlayReport if the interval is empty, longer than a day or in the future
   */
  HeartbeatAnswer heartbeat(PlayRequest r, long from, long to) {
    long now = clock.instant().getEpochSecond();
    if (to <= from || to - from > MAX_REPORT_SECONDS || to > now + MAX_FUTURE_SECONDS) {
      throw new InvalidPlayReport(from, to);
    }
    String sessionKey = Keys.session(r.platform(), r.session());
    long at = Math.max(to, now);
    // the plan is made of the context the counts are made with (in Redis, perhaps of an assumed one: then made
    // again of what was read, the same plan, as the assumption held)
    Plan[] made = new Plan[1];
    RequestContexts.Counted read = contexts.counting(r.platform(), r.userId(), r.service(), r.device(),
        RequestContexts.daysOf(from, to - 1, at - 1, at), query -> query.session(sessionKey), context -> {
          made[0] = plan(context, from, to);
          return new PlayPlan(made[0].adds(), made[0].rules().stopRule(at, now));
        });
    RequestContext ctx = read.context();
    Plan plan = made[0] != null && made[0].rules().context() == ctx ? made[0] : plan(ctx, from, to);
    PlayRules rules = plan.rules();
    OptionalLong stop = ctx.state().stoppedAt();

    long counted = 0;
    long over = 0;
    long overAfterStop = 0;
    // the first second of the report that was not allowed: where a closed window or the spent budget began
    long cutoff = to;
    PlayTally last = null;
    for (int i = 0; i < plan.pieces().size(); i++) {
      Budget budget = plan.budgets().get(i);
      Piece piece = plan.pieces().get(i);
      PlayTally tally = read.counted().tallies().get(i);
      rules.counted(budget.key(), tally);
      counted += tally.addedAllowed();
      over += tally.addedExcess();
      if (stop.isPresent() && piece.span().from() >= stop.getAsLong()) {
        overAfterStop += tally.addedExcess();
      }
      if (!piece.open()) {
        cutoff = Math.min(cutoff, piece.span().from());
      } else if (tally.addedExcess() > 0) {
        // the budget ran out inside the piece: its excess is its tail
        cutoff = Math.min(cutoff, piece.span().to() - tally.addedExcess());
      }
      last = tally;
    }

    if (overAfterStop > 0) {
      violations.report(ReasonCode.PLAYED_AFTER_STOP, ctx, now, "heartbeat:" + r.session() + ":" + from + "-" + to,
          new JsonObject().put("secondsAfterStop", overAfterStop).put("stoppedAt", stop.getAsLong()));
    }
    if (rules.unrestricted(ChinaTime.day(at))) {
      return HeartbeatAnswer.unlimited(rules.unrestrictedReason(), counted, over);
    }
    long left = rules.secondsLeft(at).orElseThrow();
    long played = rules.used(rules.budgetAt(at - 1));
    boolean rest = restReminder(ctx, last, from, to);
    HeartbeatAnswer.PlayCount count = new HeartbeatAnswer.PlayCount(counted, over, played);
    if (left > 0) {
      if (stop.isPresent()) {
        store.clearStopped(sessionKey);
      }
      return HeartbeatAnswer.goOn(left, at + left, Warnings.crossed(left, to - from), rest, count);
    }
    ReasonCode refusal = rules.refusalAt(at);
    // the store marked the session with the counts when the plan's stop rule held, as it does when no time is left
    OptionalLong earlier = read.counted().stopped() ? read.counted().earlierStop() : store.markStopped(sessionKey, now);
    if (earlier.isEmpty()) {
      // The first stop is a violation only if the report ran past the cut-off: stopping on time is no attempt.
      if (over > 0) {
        violations.report(refusal, ctx, now, "heartbeat:" + r.session(),
            new JsonObject().put("playedSeconds", played).put("overSeconds", over));
      }
      reports.logout(ctx, r.session(), now);
    }
    return HeartbeatAnswer.stop(refusal, cutoff, rest, count);
  }

  /**
   * The platform ended the session itself (the player left): it is marked stopped from now on and
   * its logout is reported, once. Play reported after the end is still counted like any other
   * report (the person played): within the limits it resumes the session, beyond them it is play
   * after a stop. A new authorize opens the session again, with a new login.
   */
  EndAnswer end(PlayRequest r) {
    long now = clock.instant().getEpochSecond();
    OptionalLong earlier = store.markStopped(Keys.session(r.platform(), r.session()), now);
    if (earlier.isPresent()) {
      return new EndAnswer(now, earlier.getAsLong());
    }
    // the mark decides nothing of who the user is, so the user is read after it, and only for a logout that
    // is reported: without NPPA reporting an end is one round trip
    if (reports.on(r.service())) {
      reports.logout(contexts.of(r.platform(), r.userId(), r.service(), r.device(), List.of(),
          UnaryOperator.identity()), r.session(), now);
    }
    return new EndAnswer(now, null);
  }

  /** Continuous allowed play ending at {@code to} just passed a multiple of the rest interval. */
  private static boolean restReminder(RequestContext ctx, PlayTally last, long from, long to) {
    Long every = ctx.policy().restReminderSeconds();
    if (every == null || last == null || last.run() == null) {
      return false;
    }
    long runAtTo = to - last.run().from();
    long runAtFrom = Math.max(0, from - last.run().from());
    return runAtTo / every > runAtFrom / every;
  }

  /** What a report counts, piece by piece with its budget, decided by {@code rules}. */
  private record Plan(PlayRules rules, List<Budget> budgets, List<Piece> pieces) {
    List<PlayAdd> adds() {
      List<PlayAdd> adds = new ArrayList<>(pieces.size());
      for (int i = 0; i < pieces.size(); i++) {
        Piece piece = pieces.get(i);
        adds.add(new PlayAdd(budgets.get(i).key(), piece.span(), piece.open() ? budgets.get(i).capSeconds() : 0));
      }
      return adds;
    }
  }

  /**
   * The pieces of {@code [from, to)} to count, each day's with the budget it counts against: the
   * rules read nothing from the store for a person (a guest's window may be opened).
   */
  private Plan plan(RequestContext ctx, long from, long to) {
    PlayRules rules = new PlayRules(ctx, store);
    List<Budget> budgets = new ArrayList<>();
    List<Piece> pieces = new ArrayList<>();
    for (Interval part : byDay(new Interval(from, to))) {
      LocalDate day = ChinaTime.day(part.from());
      if (rules.unrestricted(day)) {
        continue;
      }
      Budget budget = rules.openBudgetAt(part.from());
      for (Piece piece : pieces(part, Intervals.intersect(List.of(part), rules.windows(day)), ctx.state().stoppedAt())) {
        budgets.add(budget);
        pieces.add(piece);
      }
    }
    return new Plan(rules, budgets, pieces);
  }

  /** A stretch of reported play inside ({@code open}) or outside the open windows. */
  private record Piece(Interval span, boolean open) {}

  /**
   * {@code part} cut into open and closed pieces in time order, each also cut at the stop mark so
   * that play after the platform was told to stop can be told apart.
   */
  private static List<Piece> pieces(Interval part, List<Interval> open, OptionalLong stop) {
    List<Piece> out = new ArrayList<>();
    open.forEach(i -> out.add(new Piece(i, true)));
    Intervals.subtract(List.of(part), open).forEach(i -> out.add(new Piece(i, false)));
    out.sort(Comparator.comparingLong(p -> p.span().from()));
    if (stop.isEmpty()) {
      return out;
    }
    long mark = stop.getAsLong();
    List<Piece> cut = new ArrayList<>();
    for (Piece p : out) {
      if (p.span().contains(mark) && p.span().from() < mark) {
        cut.add(new Piece(new Interval(p.span().from(), mark), p.open()));
        cut.add(new Piece(new Interval(mark, p.span().to()), p.open()));
      } else {
        cut.add(p);
      }
    }
    return cut;
  }

  /** {@code span} cut at local midnights: each day has its own windows and budget. */
  private static List<Interval> byDay(Interval span) {
    List<Interval> out = new ArrayList<>();
    long at = span.from();
    while (at < span.to()) {
      long midnight = ChinaTime.startOf(ChinaTime.day(at).plusDays(1));
      long end = Math.min(midnight, span.to());
      out.add(new Interval(at, end));
      at = end;
    }
    return out;
  }
}
