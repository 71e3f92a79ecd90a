package org.humiao.minor.nppa;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How to reach the NPPA behaviour-collection interface.
 *
 * @param endpoint the full loginout URL: {@link #PRODUCTION_ENDPOINT}, or the test system's
 *     per-case URL from {@link #testSystemEndpoint(String)}
 * @param secretKeyHex the 32-hex-digit key the NPPA issues; it both signs and (hex-decoded to 16
 *     bytes) encrypts
 * @param batchSize records per call, at most {@value #MAX_BATCH}
 * @param maxAttempts calls per batch before the rest of it is given up, at least 1
 * @param initialBackoff the pause after the first failed attempt; it doubles per attempt
 * @param maxBackoff the cap on one pause
 * @param requestTimeout the client timeout per call (the document suggests 5 s)
 */
public record NppaConfig(
    URI endpoint,
    String appId,
    String bizId,
    String secretKeyHex,
    int batchSize,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout) {

  /** The interface accepts at most this many records per call (BUS COLL OVER LIMIT COUNT). */
  public static final int MAX_BATCH = 128;

  public static final URI PRODUCTION_ENDPOINT = URI.create("http://api2.wlc.nppa.gov.cn/behavior/collection/loginout");

  public NppaConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    requireText(appId, "appId");
    requireText(bizId, "bizId");
    Objects.requireNonNull(secretKeyHex, "secretKeyHex");
    if (!secretKeyHex.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("secretKeyHex must be 32 hex digits (an AES-128 key)");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(requestTimeout, "requestTimeout");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff is shorter than initialBackoff");
    }
  }

  /**
   * The service's configuration: full batches; five attempts with pauses of at most 1, 2, 4 and 8 s,
   * together well within the 180 s an item stays acceptable; the 5 s timeout the document suggests.
   */
  public static NppaConfig withDefaults(URI endpoint, String appId, String bizId, String secretKeyHex) {
    return new NppaConfig(endpoint, appId, bizId, secretKeyHex, MAX_BATCH, 5, Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofSeconds(5));
  }

  /** The NPPA test system (接口测试) takes the case's test code as the last path segment. */
  public static URI testSystemEndpoint(String testCode) {
    return URI.create("https://wlc.nppa.gov.cn/test/collection/loginout/" + testCode);
  }

  public byte[] secretKeyBytes() {
    return HexFormat.of().parseHex(secretKeyHex);
  }

  /** Keeps the secret key out of logs. */
  @Override
  public String toString() {
    return "NppaConfig[endpoint=" + endpoint + ", appId=" + appId + ", bizId=" + bizId
        + ", secretKeyHex=***, batchSize=" + batchSize + ", maxAttempts=" + maxAttempts
        + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", requestTimeout=" + requestTimeout + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
