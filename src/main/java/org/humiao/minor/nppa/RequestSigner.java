package org.humiao.minor.nppa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The NPPA request signature: lowercase hex SHA-256 of the secret key, then every system
 * parameter except {@code sign} (appId, bizId, timestamps) and every URL parameter, sorted
 * together by key and written key then value with no separators, then the request body exactly
 * as sent (the encrypted {@code {"data":...}} JSON).
 */
public final class RequestSigner {

  private final String secretKeyHex;

  public RequestSigner(String secretKeyHex) {
    this.secretKeyHex = secretKeyHex;
  }

  /** @param params the system and URL parameters; their order does not matter */
  public String sign(Map<String, String> params, String body) {
    StringBuilder text = new StringBuilder(secretKeyHex);
    new TreeMap<>(params).forEach((key, value) -> text.append(key).append(value));
    text.append(body);
    return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
