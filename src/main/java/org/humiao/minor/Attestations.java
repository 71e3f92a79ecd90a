package org.humiao.minor;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.attest.AttestationRejected;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.AttestationVerifier;
import org.humiao.minor.attest.Attested;
import org.humiao.minor.attest.Rejection;
import org.humiao.minor.store.Keys;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Links a platform user to the person of an accepted attestation; a rejected one changes nothing.
 *
 * <p>A user already linked to a minor is not re-linked to another person or to an adult: that
 * would lift the minor's limits (a refused payment, then a new attestation as an adult, then the
 * payment). It is refused as {@code relink_refused} and recorded as a {@code relink} event for the
 * regulators; a genuine correction goes through the service's operator, not the platform's key.
 * Other re-links (an adult's account to another person) are accepted and recorded as
 * {@code relinked}; attesting the same person again only refreshes the link.
 */
final class Attestations {
  private final AttestationVerifier verifier;
  private final PlayStateStore store;
  private final Violations violations;
  private final Clock clock;

  Attestations(AttestationVerifier verifier, PlayStateStore store, Violations violations, Clock clock) {
    this.verifier = verifier;
    this.store = store;
    this.violations = violations;
    this.clock = clock;
  }

  AttestAnswer attest(String platform, String userId, AttestationRequest request) {
    long now = clock.instant().getEpochSecond();
    Attested attested;
    try {
      attested = verifier.verify(request);
    } catch (AttestationRejected e) {
      return new AttestAnswer(false, reasonOf(e.reason()), false);
    }
    String userKey = Keys.user(platform, userId);
    LocalDate today = ChinaTime.day(now);
    boolean minor = ChinaTime.ageOn(attested.birthDate(), today) < 18;
    Optional<PersonLink> earlier = store.link(userKey);
    ReasonCode reason = ReasonCode.ATTESTED;
    if (earlier.isPresent() && isRelink(earlier.get(), attested)) {
      boolean wasMinor = ChinaTime.ageOn(earlier.get().birthDate(), today) < 18;
      boolean samePerson = earlier.get().personId().equals(attested.personId());
      JsonObject evidence = new JsonObject().put("wasMinor", wasMinor).put("minor", minor)
          .put("samePerson", samePerson).put("kind", attested.kind());
      if (wasMinor) {
        violations.reportChange(ReasonCode.RELINK_REFUSED, platform, userId, now, evidence);
        return new AttestAnswer(false, ReasonCode.RELINK_REFUSED, true);
      }
      violations.reportChange(ReasonCode.RELINKED, platform, userId, now, evidence);
      reason = ReasonCode.RELINKED;
    }
    store.putLink(userKey, new PersonLink(attested.personId(), attested.birthDate(), attested.kind(), now,
        attested.nppaPi()));
    return new AttestAnswer(true, reason, minor);
  }

  /** Another person, or the same person with another birth date (a different age). */
  private static boolean isRelink(PersonLink earlier, Attested attested) {
    return !earlier.personId().equals(attested.personId()) || !earlier.birthDate().equals(attested.birthDate());
  }

  private static ReasonCode reasonOf(Rejection rejection) {
    return switch (rejection) {
      case INVALID_ID_NUMBER -> ReasonCode.INVALID_ID_NUMBER;
      case INVALID_PI -> ReasonCode.INVALID_PI;
      case UNKNOWN_ISSUER -> ReasonCode.UNKNOWN_ISSUER;
      case MALFORMED_ATTESTATION -> ReasonCode.MALFORMED_ATTESTATION;
      case BAD_SIGNATURE -> ReasonCode.BAD_SIGNATURE;
      case EXPIRED -> ReasonCode.EXPIRED;
      case REPLAYED -> ReasonCode.REPLAYED;
    };
  }
}
