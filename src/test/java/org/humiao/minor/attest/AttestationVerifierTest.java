package org.humiao.minor.attest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.humiao.minor.sim.SettableClock;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.time.ChinaTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttestationVerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");

  @TempDir
  Path dir;

  private final SettableClock clock = new SettableClock(NOW, ChinaTime.ZONE);
  private KeyPair issuerKey;
  private KeyPair otherKey;
  private PlayStateStore store;
  private AttestationVerifier verifier;

  @BeforeEach
  void setUp() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
    issuerKey = gen.generateKeyPair();
    otherKey = gen.generateKeyPair();
    store = EmbeddedPlayStateStore.open(dir);
    TrustedIssuers issuers = TrustedIssuers.fromJson(new JsonObject().put("gov-wallet",
        new JsonArray().add(Base64.getEncoder().encodeToString(issuerKey.getPublic().getEncoded()))));
    verifier = new AttestationVerifier(issuers, new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)),
        store, clock);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static AttestationRequest.Signed sign(PrivateKey key, JsonObject claims) throws Exception {
    byte[] payload = claims.encode().getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(key);
    s.update(payload);
    return new AttestationRequest.Signed("gov-wallet", Base64.getUrlEncoder().withoutPadding().encodeToString(payload),
        Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
  }

  private static JsonObject claims(String jti, long exp) {
    return new JsonObject().put("sub", "citizen-42").put("birthDate", "2010-06-01").put("exp", exp).put("jti", jti);
  }

  private Rejection rejection(AttestationRequest request) {
    return assertThrows(AttestationRejected.class, () -> verifier.verify(request)).reason();
  }

  @Test
  void aValidSignedAttestationIsAcceptedOnceAndItsReplayRefused() throws Exception {
    AttestationRequest.Signed token = sign(issuerKey.getPrivate(), claims("n-1", NOW.getEpochSecond() + 600));
    Attested attested = verifier.verify(token);
    assertEquals(LocalDate.of(2010, 6, 1), attested.birthDate());
    assertEquals("signed", attested.kind());
    assertEquals(Rejection.REPLAYED, rejection(token));
    // the same subject in a new token is the same person
    assertEquals(attested.personId(),
        verifier.verify(sign(issuerKey.getPrivate(), claims("n-2", NOW.getEpochSecond() + 600))).personId());
  }

  @Test
  void theNonceIsRememberedAcrossARestart() throws Exception {
    AttestationRequest.Signed token = sign(issuerKey.getPrivate(), claims("n-r", NOW.getEpochSecond() + 600));
    verifier.verify(token);
    store.close();
    store = EmbeddedPlayStateStore.open(dir);
    AttestationVerifier reopened = new AttestationVerifier(TrustedIssuers.fromJson(new JsonObject().put("gov-wallet",
        new JsonArray().add(Base64.getEncoder().encodeToString(issuerKey.getPublic().getEncoded())))),
        new PersonIds("person-key-0123456789".getBytes(StandardCharsets.UTF_8)), store, clock);
    assertEquals(Rejection.REPLAYED,
        assertThrows(AttestationRejected.class, () -> reopened.verify(token)).reason());
  }

  @Test
  void aBadSignatureIsRefusedAndBurnsNoNonce() throws Exception {
    AttestationRequest.Signed forged = sign(otherKey.getPrivate(), claims("n-3", NOW.getEpochSecond() + 600));
    assertEquals(Rejection.BAD_SIGNATURE, rejection(forged));
    AttestationRequest.Signed genuine = sign(issuerKey.getPrivate(), claims("n-3", NOW.getEpochSecond() + 600));
    // a payload altered after signing
    AttestationRequest.Signed tampered = new AttestationRequest.Signed("gov-wallet",
        Base64.getUrlEncoder().withoutPadding().encodeToString(claims("n-3", NOW.getEpochSecond() + 600)
            .put("birthDate", "1990-01-01").encode().getBytes(StandardCharsets.UTF_8)), genuine.signature());
    assertEquals(Rejection.BAD_SIGNATURE, rejection(tampered));
    verifier.verify(genuine);
  }

  @Test
  void anExpiredAttestationIsRefused() throws Exception {
    assertEquals(Rejection.EXPIRED, rejection(sign(issuerKey.getPrivate(), claims("n-4", NOW.getEpochSecond()))));
    AttestationRequest.Signed token = sign(issuerKey.getPrivate(), claims("n-5", NOW.getEpochSecond() + 60));
    clock.set(NOW.plusSeconds(61));
    assertEquals(Rejection.EXPIRED, rejection(token));
  }

  @Test
  void unknownIssuersAndMalformedTokensAreRefused() throws Exception {
    assertEquals(Rejection.UNKNOWN_ISSUER, rejection(new AttestationRequest.Signed("nobody", "e30", "AA")));
    assertEquals(Rejection.MALFORMED_ATTESTATION, rejection(new AttestationRequest.Signed("gov-wallet", "%%%", "AA")));
    assertEquals(Rejection.MALFORMED_ATTESTATION, rejection(sign(issuerKey.getPrivate(),
        new JsonObject().put("sub", "x").put("exp", NOW.getEpochSecond() + 60).put("jti", "n-6"))));
  }

  @Test
  void residentIdNumbersAreValidatedAndReducedToABirthDateAndAKeyedHash() throws Exception {
    Attested a = verifier.verify(new AttestationRequest.ResidentId("110105201006011231"));
    assertEquals(LocalDate.of(2010, 6, 1), a.birthDate());
    assertFalse(a.personId().contains("110105"));
    assertEquals(Rejection.INVALID_ID_NUMBER, rejection(new AttestationRequest.ResidentId("110105201006011232")));
    assertEquals(Rejection.INVALID_ID_NUMBER, rejection(new AttestationRequest.ResidentId("110105203006011234")));
    assertEquals(Rejection.INVALID_ID_NUMBER, rejection(new AttestationRequest.ResidentId(null)));
    // a 15-digit number is the same person as its 18-digit form
    Attested old = verifier.verify(new AttestationRequest.ResidentId("110105900101123"));
    Attested upgraded = verifier.verify(new AttestationRequest.ResidentId(
        org.humiao.identity.ResidentIdNumber.upgradeTo18("110105900101123")));
    assertEquals(old.personId(), upgraded.personId());
    assertNotEquals(a.personId(), old.personId());
    assertEquals("ResidentId[idNumber=<redacted>]", new AttestationRequest.ResidentId("110105201006011231").toString());
  }

  @Test
  void nppaResultsNeedAWellFormedPiAndABirthDate() throws Exception {
    String pi = "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u";
    assertEquals("nppa", verifier.verify(new AttestationRequest.NppaRealName(pi, LocalDate.of(2012, 1, 1))).kind());
    assertEquals(Rejection.INVALID_PI, rejection(new AttestationRequest.NppaRealName("short", LocalDate.of(2012, 1, 1))));
    assertEquals(Rejection.MALFORMED_ATTESTATION, rejection(new AttestationRequest.NppaRealName(pi, null)));
    assertEquals(Rejection.MALFORMED_ATTESTATION,
        rejection(new AttestationRequest.NppaRealName(pi, LocalDate.of(2027, 1, 1))));
  }
}
