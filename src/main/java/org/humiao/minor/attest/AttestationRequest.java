package org.humiao.minor.attest;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/** An age attestation as a platform submits it; one of three kinds. */
public sealed interface AttestationRequest {

  /**
   * An NPPA real-name check (网络游戏防沉迷实名认证系统) passed: its per-person {@code pi} (38
   * characters) and the birth date the platform holds for that person.
   */
  record NppaRealName(String pi, LocalDate birthDate) implements AttestationRequest {}

  /**
   * A statement signed with Ed25519 by a trusted issuer: {@code payload} is base64url JSON {@code
   * {"sub","birthDate","exp","jti"}}, {@code signature} base64url over the payload's bytes.
   */
  record Signed(String issuer, String payload, String signature) implements AttestationRequest {}

  /**
   * The platform's own real-name check with the resident ID number. The number is personal data:
   * it is reduced to a birth date and a keyed hash at once and never shown.
   */
  record ResidentId(String idNumber) implements AttestationRequest {
    @Override
    public String toString() {
      return "ResidentId[idNumber=<redacted>]";
    }
  }

  /** {@code {"kind":"nppa"|"signed"|"resident-id", ...}}. */
  static AttestationRequest fromJson(JsonObject json) {
    String kind = json.getString("kind", "");
    return switch (kind) {
      case "nppa" -> new NppaRealName(json.getString("pi"),
          json.getString("birthDate") == null ? null : LocalDate.parse(json.getString("birthDate")));
      case "signed" -> new Signed(json.getString("issuer"), json.getString("payload"), json.getString("signature"));
      case "resident-id" -> new ResidentId(json.getString("idNumber"));
      default -> throw new IllegalArgumentException("unknown attestation kind: " + kind);
    };
  }
}
