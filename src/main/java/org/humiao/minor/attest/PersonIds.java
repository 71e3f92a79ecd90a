package org.humiao.minor.attest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Person ids: HMAC-SHA256 under a server key of the attestation kind and its subject (canonical
 * ID number, NPPA pi, issuer and subject). Quotas and spending are keyed on them, so one person is
 * one budget across accounts, and the subject cannot be recovered without the key.
 */
public final class PersonIds {
  private final SecretKeySpec key;

  public PersonIds(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("person key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** {@code p_} and 32 hex chars (128 bits) of HMAC(namespace NUL subject). */
  public String of(String namespace, String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(namespace.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return "p_" + HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
