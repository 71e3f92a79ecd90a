package org.humiao.minor;

import org.humiao.minor.store.Keys;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.policy.SpendingBand;
import org.humiao.minor.store.PaymentEntry;
import org.humiao.minor.store.PaymentOutcome;
import org.humiao.minor.store.PaymentRecord;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.RefundOutcome;
import org.humiao.minor.store.SpendTotals;
import org.humiao.minor.time.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Payments and tips of minors: the policy's caps per payment and per calendar month and the
 * guardian's ban and daily cap, on the totals of the person at the operator for that service. An
 * accepted payment is recorded once per idempotency key and answered alike on every retry.
 */
final class SpendingAuthority {
  private final RequestContexts contexts;
  private final PlayStateStore store;
  private final Violations violations;
  private final Clock clock;

  SpendingAuthority(RequestContexts contexts, PlayStateStore store, Violations violations, Clock clock) {
    this.contexts = contexts;
    this.store = store;
    this.violations = violations;
    this.clock = clock;
  }

  PaymentAnswer checkPayment(PaymentRequest r) {
    long now = clock.instant().getEpochSecond();
    LocalDate today = ChinaTime.day(now);
    String paymentKey = Keys.payment(r.platform(), r.idempotencyKey());
    // the entry is recorded with the read when the store can (in Redis, on the user's last view, checked there)
    RequestContexts.Paid paid = contexts.paying(r.platform(), r.userId(), r.service(), query -> query.payment(paymentKey),
        context -> Optional.ofNullable(check(context, r, paymentKey, today).toRecord()));
    RequestContext ctx = paid.context();
    Check check = check(ctx, r, paymentKey, today);
    if (check.answer() != null) {
      return check.answer();
    }
    if (check.refusal() != null) {
      PaymentEntry entry = check.entry();
      return refuse(ctx, r, now, check.refusal(), entry,
          entry == null ? null : store.spent(entry.spendKey(), entry.month(), entry.day()));
    }
    PaymentOutcome outcome = paid.outcome().orElseGet(() -> store.recordPayment(check.toRecord()));
    return switch (outcome.status()) {
      case ACCEPTED, DUPLICATE -> replay(outcome.record(), r);
      case MONTH_LIMIT -> refuse(ctx, r, now, ReasonCode.PAYMENT_MONTHLY_CAP, check.toRecord(), outcome.totals());
      case DAY_LIMIT -> refuse(ctx, r, now, ReasonCode.GUARDIAN_DAILY_SPEND_CAP, check.toRecord(), outcome.totals());
    };
  }

  /**
   * What the rules make of a payment in a context, before any total is read: an answer already
   * ({@code answer}), a refusal (with the entry whose totals it reports, if the payer is a person), or
   * the entry to record.
   */
  private record Check(PaymentAnswer answer, ReasonCode refusal, PaymentEntry entry) {
    /** The entry to record, or null when the rules decided without recording. */
    PaymentEntry toRecord() {
      return answer == null && refusal == null ? entry : null;
    }
  }

  private static Check check(RequestContext ctx, PaymentRequest r, String paymentKey, LocalDate today) {
    if (!(ctx.subject() instanceof Subject.Person person)) {
      return ctx.policy().guests().payments()
          ? new Check(PaymentAnswer.uncapped(ReasonCode.WITHIN_LIMITS), null, null)
          : new Check(null, ReasonCode.GUEST_PAYMENT_FORBIDDEN, null);
    }
    int age = ChinaTime.ageOn(person.birthDate(), today);
    if (age >= 18) {
      return new Check(PaymentAnswer.uncapped(ReasonCode.ADULT), null, null);
    }
    Optional<PaymentRecord> earlier = ctx.state().payment();
    if (earlier.isPresent()) {
      return new Check(replay(earlier.get(), r), null, null);
    }
    Optional<SpendingBand> band = ctx.policy().spendingFor(age);
    Long guardianCap = ctx.guardian() == null ? null : ctx.guardian().dailySpendCapFen();
    PaymentEntry entry = new PaymentEntry(paymentKey, Keys.spending(person.personId(), ctx.operator(), ctx.service()),
        r.amountFen(), Keys.month(today), today.toString(),
        band.map(SpendingBand::perMonthFen).orElse(Long.MAX_VALUE), guardianCap == null ? Long.MAX_VALUE : guardianCap);
    ReasonCode refusal = null;
    if (ctx.guardian() != null && ctx.guardian().paymentBan()) {
      refusal = ReasonCode.GUARDIAN_PAYMENT_BAN;
    } else if (band.isPresent() && band.get().perPaymentFen() == 0) {
      refusal = ReasonCode.PAYMENT_FORBIDDEN_AGE;
    } else if (band.isPresent() && r.amountFen() > band.get().perPaymentFen()) {
      refusal = ReasonCode.PAYMENT_SINGLE_CAP;
    }
    return new Check(null, refusal, entry);
  }

  RefundAnswer refund(String platform, String idempotencyKey) {
    RefundOutcome outcome = store.refund(Keys.payment(platform, idempotencyKey));
    if (outcome.status() == RefundOutcome.Status.UNKNOWN) {
      return new RefundAnswer(false, ReasonCode.UNKNOWN_PAYMENT, 0, null, null);
    }
    PaymentEntry entry = outcome.record().entry();
    return new RefundAnswer(outcome.status() == RefundOutcome.Status.REFUNDED,
        outcome.status() == RefundOutcome.Status.REFUNDED ? ReasonCode.REFUNDED : ReasonCode.ALREADY_REFUNDED,
        entry.amountFen(), remaining(entry.monthLimitFen(), outcome.totals().monthFen()),
        remaining(entry.dayLimitFen(), outcome.totals().dayFen()));
  }

  /** The answer an accepted payment got, for any retry with its key; another amount is a conflict. */
  private static PaymentAnswer replay(PaymentRecord record, PaymentRequest r) {
    PaymentEntry entry = record.entry();
    if (entry.amountFen() != r.amountFen()) {
      return PaymentAnswer.refused(ReasonCode.IDEMPOTENCY_CONFLICT);
    }
    return new PaymentAnswer(true, ReasonCode.WITHIN_LIMITS,
        remaining(entry.monthLimitFen(), record.totalsAfter().monthFen()),
        remaining(entry.dayLimitFen(), record.totalsAfter().dayFen()));
  }

  private PaymentAnswer refuse(RequestContext ctx, PaymentRequest r, long now, ReasonCode reason, PaymentEntry entry,
                               SpendTotals totals) {
    Long month = entry == null ? null : remaining(entry.monthLimitFen(), totals.monthFen());
    Long day = entry == null ? null : remaining(entry.dayLimitFen(), totals.dayFen());
    violations.report(reason, ctx, now, "payment:" + r.idempotencyKey(),
        new JsonObject().put("amountFen", r.amountFen()).put("remainingMonthFen", month).put("remainingTodayFen", day));
    return new PaymentAnswer(false, reason, month, day);
  }

  private static Long remaining(long limit, long total) {
    return limit == Long.MAX_VALUE ? null : Math.max(0, limit - total);
  }
}
