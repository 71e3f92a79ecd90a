package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.policy.PolicyBook;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayStateStore;

import java.util.Optional;

/**
 * Resolves a (platform, user) to its {@link RequestContext}: linked users are the person of their
 * attestation; others are guests, counted by device (the user id when the platform sends none).
 */
final class RequestContexts {
  private final PolicyRegistry policies;
  private final PlayStateStore store;

  RequestContexts(PolicyRegistry policies, PlayStateStore store) {
    this.policies = policies;
    this.store = store;
  }

  RequestContext of(String platform, String userId, ServiceKind service, String device) {
    PolicyBook book = policies.current();
    String operator = book.operator(platform);
    Optional<PersonLink> link = store.link(Keys.user(platform, userId));
    Subject subject;
    GuardianControls guardian = null;
    if (link.isPresent()) {
      subject = new Subject.Person(link.get().personId(), link.get().birthDate(), link.get().nppaPi());
      guardian = store.guardianControls(Keys.personOperator(link.get().personId(), operator)).orElse(null);
    } else {
      subject = new Subject.Guest(device != null ? device : userId);
    }
    return new RequestContext(book, book.policyFor(platform, service), service, platform, userId, operator, subject,
        guardian);
  }
}
