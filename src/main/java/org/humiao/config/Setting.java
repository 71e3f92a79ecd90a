package org.humiao.config;

import org.humiao.minor.nppa.NppaConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the service: its name in a JSON config file, its environment variable and its
 * embedded default. One list, so the file keys, the env vars and the README table cannot drift
 * apart from the code.
 */
public enum Setting {
  HOST("host", "0.0.0.0", "address the HTTP server binds"),
  PORT("port", "8080", "TCP port of the HTTP server (HTTP/1.1 and h2c)"),
  PROFILE("profile", "embedded",
      "embedded: everything in the data dir; cluster: minor-mode state in Redis (redisUri) and events through Kafka (kafkaBootstrap)"),
  DATA_DIR("dataDir", "data", "directory of the event journal and the embedded minor-mode state (and of keys.json and secrets.json unless sharedDir is set)"),
  SHARED_DIR("sharedDir", "", "directory of keys.json and secrets.json, which every instance of a cluster must share; empty: the data dir"),
  REDIS_URI("redisUri", "redis://127.0.0.1:6379", "Redis of the cluster profile"),
  REDIS_PREFIX("redisPrefix", "humiao:", "put before every Redis key, so deployments can share one Redis"),
  REDIS_TIMEOUT_MS("redisTimeoutMs", "500", "longest wait for Redis; then 503 state_unavailable"),
  LEXICONS("lexicons", "lexicons", "lexicon directory the engine loads"),
  POLICIES("policies", "policies", "minor-mode policy directory, with assignments.json and holidays/"),
  ISSUERS("issuers", "", "JSON file of trusted Ed25519 attestation issuers; empty: signed attestations are refused"),
  MAX_TEXT_LENGTH("maxTextLength", "5000", "longest screenable text, in UTF-16 units"),
  MAX_BATCH_ITEMS("maxBatchItems", "100", "most items in one batch request"),
  MAX_BODY_BYTES("maxBodyBytes", "262144", "largest request body, in bytes"),
  RATE_LIMIT_PER_SECOND("rateLimitPerSecond", "500", "requests per second each API key earns (token bucket refill)"),
  RATE_LIMIT_BURST("rateLimitBurst", "1000", "requests an API key may make at once (token bucket size)"),
  MAX_IN_FLIGHT("maxInFlight", "2000", "requests admitted at once to each worker pool; more get 503 overloaded"),
  REQUEST_TIMEOUT_MS("requestTimeoutMs", "2000", "time a screening or minor-mode call may take before 503 timeout"),
  EVENT_LOOPS("eventLoops", "0", "HTTP event loops, each a server instance on the one port; 0 means one per CPU core"),
  WORKER_THREADS("workerThreads", "0", "threads of the screening worker pool; 0 means one per CPU core"),
  MINOR_WORKER_THREADS("minorWorkerThreads", "64", "threads of the minor-mode worker pool; its calls wait on fsync or Redis"),
  KEYS_POLL_MS("keysPollMs", "1000", "how often keys.json is checked for changes"),
  SHUTDOWN_GRACE_MS("shutdownGraceMs", "10000", "time in-flight requests get to finish on SIGTERM"),
  KAFKA_BOOTSTRAP("kafkaBootstrap", "",
      "Kafka bootstrap servers (host:port,...); set: events are forwarded to Kafka and the regulator views read the topic; "
          + "empty: no Kafka in the embedded profile, 127.0.0.1:9092 in the cluster profile"),
  KAFKA_TOPIC("kafkaTopic", "humiao.violations", "Kafka topic the violation events are published to and read from"),
  MAX_CONNECTIONS("maxConnections", "10000", "open HTTP connections (past their first request) at most; one more is closed"),
  READ_TIMEOUT_MS("readTimeoutMs", "10000",
      "time a body may take after its headers, and an HTTP/1.x connection may wait for its next request"),
  IDLE_TIMEOUT_MS("idleTimeoutMs", "60000", "a connection with no bytes either way for this long is closed"),
  NPPA_APP_ID("nppaAppId", "", "appId the NPPA issued for login/logout reporting; reporting is on when it, nppaBizId and nppaSecretKey are set"),
  NPPA_BIZ_ID("nppaBizId", "", "bizId (游戏备案识别码) of the game whose logins and logouts are reported"),
  NPPA_SECRET_KEY("nppaSecretKey", "", "the NPPA secret key, 32 hex digits; it signs and encrypts, and is never logged"),
  NPPA_ENDPOINT("nppaEndpoint", NppaConfig.PRODUCTION_ENDPOINT.toString(), "the NPPA loginout URL reports are posted to");

  private static final Map<String, Setting> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

  private final String key;
  private final String defaultValue;
  private final String meaning;

  Setting(String key, String defaultValue, String meaning) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
  }

  public String key() {
    return key;
  }

  /** {@code HUMIAO_} and the name in upper snake case: rateLimitPerSecond → HUMIAO_RATE_LIMIT_PER_SECOND. */
  public String envVar() {
    return "HUMIAO_" + name().toUpperCase(Locale.ROOT);
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
