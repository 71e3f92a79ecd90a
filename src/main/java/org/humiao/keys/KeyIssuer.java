package org.humiao.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/** Makes random API keys ({@code hm_} + 32 random bytes, base64url) and hashes presented ones. */
public final class KeyIssuer {
  private static final String PREFIX = "hm_";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;
  private final Clock clock;

  public KeyIssuer(SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  public IssuedKey issue(Role role, String platform) {
    return issue(role, platform, null);
  }

  /** @param region the key's GB/T 2260 division ({@link ApiKey#region()}); null for none */
  public IssuedKey issue(Role role, String platform, String region) {
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    byte[] idBytes = new byte[6];
    random.nextBytes(idBytes);
    String secret = PREFIX + BASE64URL.encodeToString(secretBytes);
    String id = "key_" + HexFormat.of().formatHex(idBytes);
    return new IssuedKey(secret, new ApiKey(id, role, platform, HexFormat.of().formatHex(sha256(secret)), clock.instant(), region));
  }

  static byte[] sha256(String secret) {
    return sha256Digest().digest(secret.getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
