package org.humiao.minor.attest;

/** Why an attestation was not accepted; minor mode answers each with its reason code. */
public enum Rejection {
  INVALID_ID_NUMBER,
  INVALID_PI,
  UNKNOWN_ISSUER,
  MALFORMED_ATTESTATION,
  BAD_SIGNATURE,
  EXPIRED,
  REPLAYED
}
