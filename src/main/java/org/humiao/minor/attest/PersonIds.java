package org.humiao.minor.attest;

import org.humiao.identity.KeyedHash;

/**
 * Person ids: HMAC-SHA256 under a server key of the attestation kind and its subject (canonical
 * ID number, NPPA pi, issuer and subject). Quotas and spending are keyed on them, so one person is
 * one budget across accounts, and the subject cannot be recovered without the key.
 */
public final class PersonIds {
  private final KeyedHash hash;

  /** @param key at least 16 bytes */
  public PersonIds(byte[] key) {
    this.hash = new KeyedHash(key, "p_");
  }

  /** {@code p_} and 32 hex chars (128 bits) of HMAC(namespace NUL subject). */
  public String of(String namespace, String subject) {
    return hash.of(namespace, subject);
  }
}
