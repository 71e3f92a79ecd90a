package org.humiao.minor.attest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.identity.ResidentIdNumber;
import org.humiao.minor.store.Keys;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Checks an attestation and reduces it to a person id and a birth date. Signed attestations are
 * checked in an order that spends nothing on forgeries: issuer, signature, expiry, and only then
 * the one-time {@code jti}, remembered until the attestation expires so a replay is refused.
 */
public final class AttestationVerifier {
  private static final Pattern PI = Pattern.compile("[0-9A-Za-z]{38}");

  private final TrustedIssuers issuers;
  private final PersonIds personIds;
  private final PlayStateStore store;
  private final Clock clock;

  public AttestationVerifier(TrustedIssuers issuers, PersonIds personIds, PlayStateStore store, Clock clock) {
    this.issuers = issuers;
    this.personIds = personIds;
    this.store = store;
    this.clock = clock;
  }

  public Attested verify(AttestationRequest request) throws AttestationRejected {
    LocalDate today = ChinaTime.day(clock.instant().getEpochSecond());
    if (request instanceof AttestationRequest.ResidentId r) {
      ResidentIdNumber id = ResidentIdNumber.parse(r.idNumber() == null ? "" : r.idNumber(), today)
          .orElseThrow(() -> new AttestationRejected(Rejection.INVALID_ID_NUMBER));
      return new Attested(personIds.of("resident-id", id.canonical18()), id.birthDate(), "resident-id", null);
    }
    if (request instanceof AttestationRequest.NppaRealName n) {
      if (n.pi() == null || !PI.matcher(n.pi()).matches()) {
        throw new AttestationRejected(Rejection.INVALID_PI);
      }
      return new Attested(personIds.of("nppa", n.pi()), plausibleBirth(n.birthDate(), today), "nppa", n.pi());
    }
    return verifySigned((AttestationRequest.Signed) request, today);
  }

  private Attested verifySigned(AttestationRequest.Signed s, LocalDate today) throws AttestationRejected {
    if (s.issuer() == null || !issuers.knows(s.issuer())) {
      throw new AttestationRejected(Rejection.UNKNOWN_ISSUER);
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(s.payload());
      signature = Base64.getUrlDecoder().decode(s.signature());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AttestationRejected(Rejection.MALFORMED_ATTESTATION);
    }
    if (!issuers.verify(s.issuer(), payload, signature)) {
      throw new AttestationRejected(Rejection.BAD_SIGNATURE);
    }
    JsonObject claims;
    LocalDate birth;
    long exp;
    String sub;
    String jti;
    try {
      claims = new JsonObject(new String(payload, StandardCharsets.UTF_8));
      sub = claims.getString("sub");
      jti = claims.getString("jti");
      exp = claims.getLong("exp");
      birth = LocalDate.parse(claims.getString("birthDate"));
    } catch (DecodeException | ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new AttestationRejected(Rejection.MALFORMED_ATTESTATION);
    }
    if (sub == null || jti == null) {
      throw new AttestationRejected(Rejection.MALFORMED_ATTESTATION);
    }
    long now = clock.instant().getEpochSecond();
    if (exp <= now) {
      throw new AttestationRejected(Rejection.EXPIRED);
    }
    LocalDate birthDate = plausibleBirth(birth, today);
    if (!store.claimNonce(Keys.nonce(s.issuer(), jti), exp, now)) {
      throw new AttestationRejected(Rejection.REPLAYED);
    }
    return new Attested(personIds.of("signed:" + s.issuer(), sub), birthDate, "signed", null);
  }

  private static LocalDate plausibleBirth(LocalDate birth, LocalDate today) throws AttestationRejected {
    if (birth == null || birth.isAfter(today) || birth.isBefore(ResidentIdNumber.EARLIEST_BIRTH_DATE)) {
      throw new AttestationRejected(Rejection.MALFORMED_ATTESTATION);
    }
    return birth;
  }
}
