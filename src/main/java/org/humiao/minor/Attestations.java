package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.attest.AttestationRejected;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.AttestationVerifier;
import org.humiao.minor.attest.Attested;
import org.humiao.minor.attest.Rejection;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;

import java.time.Clock;

/** Links a platform user to the person of an accepted attestation; a rejected one changes nothing. */
final class Attestations {
  private final AttestationVerifier verifier;
  private final PlayStateStore store;
  private final Clock clock;

  Attestations(AttestationVerifier verifier, PlayStateStore store, Clock clock) {
    this.verifier = verifier;
    this.store = store;
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
    store.putLink(Keys.user(platform, userId), new PersonLink(attested.personId(), attested.birthDate(),
        attested.kind(), now, attested.nppaPi()));
    return new AttestAnswer(true, ReasonCode.ATTESTED, ChinaTime.ageOn(attested.birthDate(), ChinaTime.day(now)) < 18);
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
