package org.humiao.minor.nppa;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The NPPA body encryption: AES-128-GCM under the hex-decoded secret key, a fresh 12-byte IV per
 * message and a 128-bit tag, sent as base64(iv || ciphertext || tag).
 */
public final class BodyCipher {

  static final int IV_BYTES = 12;
  static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final RandomGenerator ivSource;

  /** @param ivSource must be a secure generator in production: GCM breaks if an IV repeats */
  public BodyCipher(byte[] secretKey, RandomGenerator ivSource) {
    if (secretKey.length != 16) {
      throw new IllegalArgumentException("AES-128 needs a 16-byte key");
    }
    this.key = new SecretKeySpec(secretKey.clone(), "AES");
    this.ivSource = ivSource;
  }

  public String encrypt(String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    ivSource.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }
}
