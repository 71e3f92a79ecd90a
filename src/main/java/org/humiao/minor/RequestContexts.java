package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.policy.PolicyBook;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.CountedView;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PaidView;
import org.humiao.minor.store.PaymentEntry;
import org.humiao.minor.store.PaymentOutcome;
import org.humiao.minor.store.PlayPlan;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.StateQuery;
import org.humiao.minor.store.StateView;
import org.humiao.minor.time.ChinaTime;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Resolves a (platform, user) to its {@link RequestContext}: linked users are the person of their
 * attestation; others are guests, counted by device (the user id when the platform sends none).
 * Reads the link, the guardian controls, the play of the days a call names and what else the call
 * asks for in one {@link PlayStateStore#view}: in Redis, one round trip.
 */
final class RequestContexts {
  private final PolicyRegistry policies;
  private final PlayStateStore store;

  RequestContexts(PolicyRegistry policies, PlayStateStore store) {
    this.policies = policies;
    this.store = store;
  }

  /**
   * @param days the days whose play budget the call will look at (a person's; read with the link)
   * @param more the other keys the call reads before it decides: its session's stop mark, its payment
   */
  RequestContext of(String platform, String userId, ServiceKind service, String device, List<LocalDate> days,
                    UnaryOperator<StateQuery> more) {
    PolicyBook book = policies.current();
    return context(book, platform, userId, service, device, store.view(query(book, platform, userId, service, device,
        days, more)));
  }

  /** A context and what the store did with the counts planned on it. */
  record Counted(RequestContext context, CountedView counted) {}

  /**
   * Like {@link #of}, with the counts and stop rule {@code plan} makes of a context made in the same
   * store call ({@link PlayStateStore#viewThenAddPlay}: {@code plan} may be given a context of what the
   * store assumes). The answer's context is the one {@code plan} was last given when that was made of
   * what the store read.
   */
  Counted counting(String platform, String userId, ServiceKind service, String device, List<LocalDate> days,
                   UnaryOperator<StateQuery> more, Function<RequestContext, PlayPlan> plan) {
    Made made = new Made(policies.current(), platform, userId, service, device);
    CountedView counted = store.viewThenAddPlay(made.query(days, more), view -> plan.apply(made.of(view)));
    return new Counted(made.of(counted.view()), counted);
  }

  /** A context and what recording the payment planned on it answered (empty: none planned). */
  record Paid(RequestContext context, Optional<PaymentOutcome> outcome) {}

  /**
   * Like {@link #counting}, for a payment: the entry {@code plan} makes of a context is recorded in the
   * same store call ({@link PlayStateStore#viewThenRecordPayment}).
   */
  Paid paying(String platform, String userId, ServiceKind service, UnaryOperator<StateQuery> more,
              Function<RequestContext, Optional<PaymentEntry>> plan) {
    Made made = new Made(policies.current(), platform, userId, service, null);
    PaidView paid = store.viewThenRecordPayment(made.query(List.of(), more), view -> plan.apply(made.of(view)));
    return new Paid(made.of(paid.view()), paid.outcome());
  }

  /** The contexts of one call's views, the last one kept: a plan's context is the answer's when made of the same view. */
  private static final class Made {
    private final PolicyBook book;
    private final String platform;
    private final String userId;
    private final ServiceKind service;
    private final String device;
    private RequestContext last;

    Made(PolicyBook book, String platform, String userId, ServiceKind service, String device) {
      this.book = book;
      this.platform = platform;
      this.userId = userId;
      this.service = service;
      this.device = device;
    }

    StateQuery query(List<LocalDate> days, UnaryOperator<StateQuery> more) {
      return RequestContexts.query(book, platform, userId, service, device, days, more);
    }

    RequestContext of(StateView view) {
      if (last == null || last.state() != view) {
        last = context(book, platform, userId, service, device, view);
      }
      return last;
    }
  }

  private static StateQuery query(PolicyBook book, String platform, String userId, ServiceKind service, String device,
                                  List<LocalDate> days, UnaryOperator<StateQuery> more) {
    String operator = book.operator(platform);
    return more.apply(StateQuery.of(Keys.user(platform, userId))
        .guardian(person -> Keys.personOperator(person, operator))
        .budgets(person -> days.stream().map(day -> Keys.dayPlay(person, operator, service, day)).toList())
        .guest(Keys.guestDevice(operator, service, guestDevice(userId, device))));
  }

  private static RequestContext context(PolicyBook book, String platform, String userId, ServiceKind service,
                                        String device, StateView state) {
    Optional<PersonLink> link = state.link();
    Subject subject = link.isPresent()
        ? new Subject.Person(link.get().personId(), link.get().birthDate(), link.get().nppaPi())
        : new Subject.Guest(guestDevice(userId, device));
    return new RequestContext(book, book.policyFor(platform, service), service, platform, userId,
        book.operator(platform), subject, state.guardian().orElse(null), state);
  }

  private static String guestDevice(String userId, String device) {
    return device != null ? device : userId;
  }

  /** The days of {@code seconds} (epoch seconds), in China, once each. */
  static List<LocalDate> daysOf(long... seconds) {
    return Arrays.stream(seconds).mapToObj(ChinaTime::day).distinct().toList();
  }
}
