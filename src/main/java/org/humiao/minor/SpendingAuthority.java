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
import java.util.List;
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
    RequestContext ctx = contexts.of(r.platform(), r.userId(), r.service(), null, List.of(),
        query -> query.payment(paymentKey));
    if (!(ctx.subject() instanceof Subject.Person person)) {
      return ctx.policy().guests().payments()
          ? PaymentAnswer.uncapped(ReasonCode.WITHIN_LIMITS)
          : refuse(ctx, r, now, ReasonCode.GUEST_PAYMENT_FORBIDDEN, null, null);
    }
    int age = ChinaTime.ageOn(person.birthDate(), today);
    if (age >= 18) {
      return PaymentAnswer.uncapped(ReasonCode.ADULT);
    }
    Optional<PaymentRecord> earlier = ctx.state().payment();
    if (earlier.isPresent()) {
      return replay(earlier.get(), r);
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
    if (refusal != null) {
      return refuse(ctx, r, now, refusal, entry, store.spent(entry.spendKey(), entry.month(), entry.day()));
    }
    PaymentOutcome outcome = store.recordPayment(entry);
    return switch (outcome.status()) {
      case ACCEPTED, DUPLICATE -> replay(outcome.record(), r);
      case MONTH_LIMIT -> refuse(ctx, r, now, ReasonCode.PAYMENT_MONTHLY_CAP, entry, outcome.totals());
      case DAY_LIMIT -> refuse(ctx, r, now, ReasonCode.GUARDIAN_DAILY_SPEND_CAP, entry, outcome.totals());
    };
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
