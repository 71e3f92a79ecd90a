package org.humiao.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HexFormat;

/**
 * A prefix and 32 hex chars (128 bits) of HMAC-SHA256, under a server key, of two names joined by
 * NUL: not reversible without the key, and the NUL keeps ("ab", "c") and ("a", "bc") apart. Each
 * thread keeps its own initialised Mac: looking one up and keying it costs more than the hash.
 */
public final class KeyedHash {
  private static final String ALGORITHM = "HmacSHA256";

  private final String prefix;
  private final ThreadLocal<Mac> macs;

  /** @param key at least 16 bytes */
  public KeyedHash(byte[] key, String prefix) {
    if (key.length < 16) {
      throw new IllegalArgumentException("an HMAC key must be at least 16 bytes");
    }
    SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
    this.prefix = prefix;
    this.macs = ThreadLocal.withInitial(() -> mac(spec));
  }

  public String of(String first, String second) {
    Mac mac = macs.get();
    mac.update(first.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    // doFinal resets the Mac for the thread's next call
    return prefix + HexFormat.of().formatHex(mac.doFinal(second.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  private static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an HMAC key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    }
  }
}
