package org.humiao.events;

import org.humiao.identity.KeyedHash;

/**
 * Pseudonymous user ids: HMAC-SHA256 under a server key of the platform and the platform's user
 * id. Stable per platform, so a regulator can follow one user's events, not reversible without the
 * key, and different across platforms, so ids of two platforms cannot be joined.
 */
public final class Pseudonyms {
  private final KeyedHash hash;

  /** @param key at least 16 bytes */
  public Pseudonyms(byte[] key) {
    this.hash = new KeyedHash(key, "u_");
  }

  /** {@code u_} and 32 hex chars (128 bits) of HMAC(platform NUL user). */
  public String of(String platform, String user) {
    return hash.of(platform, user);
  }
}
