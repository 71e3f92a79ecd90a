package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.policy.PolicyBook;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.StateQuery;
import org.humiao.minor.store.StateView;
import org.humiao.minor.time.ChinaTime;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    String operator = book.operator(platform);
    String guestDevice = device != null ? device : userId;
    StateView state = store.view(more.apply(StateQuery.of(Keys.user(platform, userId))
        .guardian(person -> Keys.personOperator(person, operator))
        .budgets(person -> days.stream().map(day -> Keys.dayPlay(person, operator, service, day)).toList())
        .guest(Keys.guestDevice(operator, service, guestDevice))));
    Optional<PersonLink> link = state.link();
    Subject subject = link.isPresent()
        ? new Subject.Person(link.get().personId(), link.get().birthDate(), link.get().nppaPi())
        : new Subject.Guest(guestDevice);
    return new RequestContext(book, book.policyFor(platform, service), service, platform, userId, operator, subject,
        state.guardian().orElse(null), state);
  }

  /** The days of {@code seconds} (epoch seconds), in China, once each. */
  static List<LocalDate> daysOf(long... seconds) {
    return Arrays.stream(seconds).mapToObj(ChinaTime::day).distinct().toList();
  }
}
