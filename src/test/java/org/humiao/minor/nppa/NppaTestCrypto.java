package org.humiao.minor.nppa;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The receiving side's crypto, written apart from the client's so that a test compares two
 * implementations of the published rules rather than one with itself.
 */
final class NppaTestCrypto {

  private NppaTestCrypto() {
  }

  /** base64(iv[12] || ciphertext || tag[16]) under the hex key; throws if the tag does not verify. */
  static String decrypt(String base64, String secretKeyHex) throws GeneralSecurityException {
    byte[] sealed = Base64.getDecoder().decode(base64);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex(secretKeyHex), "AES"),
        new GCMParameterSpec(128, sealed, 0, 12));
    return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
  }

  static String sha256Hex(String text) throws GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
