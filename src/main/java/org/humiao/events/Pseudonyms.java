package org.humiao.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Pseudonymous user ids: HMAC-SHA256 under a server key of the platform and the platform's user
 * id. Stable per platform, so a regulator can follow one user's events, not reversible without the
 * key, and different across platforms, so ids of two platforms cannot be joined.
 */
public final class Pseudonyms {
  private final SecretKeySpec key;

  public Pseudonyms(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("pseudonym key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** 32 hex chars (128 bits) of HMAC(platform NUL user). */
  public String of(String platform, String user) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(platform.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(user.getBytes(StandardCharsets.UTF_8));
      return "u_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
