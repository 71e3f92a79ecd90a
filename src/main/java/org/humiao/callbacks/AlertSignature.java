package org.humiao.callbacks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How an alert is signed: {@code X-Humiao-Signature: sha256=<hex>}, the HMAC-SHA256 under the
 * platform's secret (its UTF-8 bytes) of the {@code X-Humiao-Timestamp} value (epoch seconds), a dot
 * and the body's bytes. The timestamp inside the MAC lets a receiver refuse an old alert replayed.
 */
public final class AlertSignature {
  public static final String TIMESTAMP_HEADER = "X-Humiao-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Humiao-Signature";
  public static final String ID_HEADER = "X-Humiao-Alert-Id";
  private static final String ALGORITHM = "HmacSHA256";

  private AlertSignature() {}

  /** The signature header's value. */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " unavailable", e);
    }
  }
}
