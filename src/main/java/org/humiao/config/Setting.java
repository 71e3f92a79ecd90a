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
 * embedded default. One list, so the file keys, the env vars and the table of docs/settings.md
 * (which says what each means, and SettingsReadmeTest holds to this list) cannot drift apart.
 */
public enum Setting {
  HOST("host", "0.0.0.0"),
  PORT("port", "8080", 0, 65_535),
  PROFILE("profile", "embedded"),
  DATA_DIR("dataDir", "data"),
  SHARED_DIR("sharedDir", ""),
  REDIS_URI("redisUri", "redis://127.0.0.1:6379"),
  REDIS_PREFIX("redisPrefix", "humiao:"),
  REDIS_TIMEOUT_MS("redisTimeoutMs", "500", 1, Integer.MAX_VALUE),
  LEXICONS("lexicons", "lexicons"),
  LEXICON_CACHE("lexiconCache", ""),
  POLICIES("policies", "policies"),
  ISSUERS("issuers", ""),
  MAX_TEXT_LENGTH("maxTextLength", "5000", 1, Integer.MAX_VALUE),
  MAX_SEGMENTATIONS_PER_TEXT("maxSegmentationsPerText", "64", 0, 1_000_000),
  TEXT_BUDGET_MS("textBudgetMs", "500", 1, 60_000),
  SEMANTIC_TIER("semanticTier", "on"),
  SEMANTIC_WORKERS("semanticWorkers", "1", 1, 64),
  SEMANTIC_QUEUE("semanticQueue", "64", 1, 100_000),
  SEMANTIC_YIELD_AT("semanticYieldAt", "16", 0, 100_000),
  SEMANTIC_YIELD_LAG_MS("semanticYieldLagMs", "2", 0, 60_000),
  REPOST_CACHE_SIZE("repostCacheSize", "100000", 1, Integer.MAX_VALUE),
  REPOST_TTL_HOURS("repostTtlHours", "168", 1, Integer.MAX_VALUE),
  MAX_BATCH_ITEMS("maxBatchItems", "100", 1, Integer.MAX_VALUE),
  MAX_BATCH_CHARS("maxBatchChars", "50000", 1, Integer.MAX_VALUE),
  LIST_MAX_ENTRIES("listMaxEntries", "5000", 1, 1_000_000),
  LIST_MAX_ENTRY_LENGTH("listMaxEntryLength", "64", 1, 1000),
  MAX_BODY_BYTES("maxBodyBytes", "262144", 1, Integer.MAX_VALUE),
  RATE_LIMIT_PER_SECOND("rateLimitPerSecond", "500"),
  RATE_LIMIT_BURST("rateLimitBurst", "1000", 1, Integer.MAX_VALUE),
  RATE_LIMIT_CHARS_PER_TOKEN("rateLimitCharsPerToken", "20", 1, Integer.MAX_VALUE),
  SCREEN_CHARS_IN_FLIGHT_PER_KEY("screenCharsInFlightPerKey", "5000", 1, Integer.MAX_VALUE),
  SCREEN_EVENT_LOOP_MAX_CHARS("screenEventLoopMaxChars", "16", 0, 5000),
  MAX_IN_FLIGHT("maxInFlight", "2000", 0, Integer.MAX_VALUE),
  REQUEST_TIMEOUT_MS("requestTimeoutMs", "2000", 1, Integer.MAX_VALUE),
  EVENT_LOOPS("eventLoops", "0", 0, 1024),
  WORKER_THREADS("workerThreads", "0", 0, 1024),
  MINOR_WORKER_THREADS("minorWorkerThreads", "64", 1, 1024),
  KEYS_POLL_MS("keysPollMs", "1000", 10, Integer.MAX_VALUE),
  SHUTDOWN_GRACE_MS("shutdownGraceMs", "10000", 0, Integer.MAX_VALUE),
  KAFKA_BOOTSTRAP("kafkaBootstrap", ""),
  KAFKA_TOPIC("kafkaTopic", "humiao.violations"),
  MAX_CONNECTIONS("maxConnections", "10000", 1, Integer.MAX_VALUE),
  READ_TIMEOUT_MS("readTimeoutMs", "10000", 1, Integer.MAX_VALUE),
  IDLE_TIMEOUT_MS("idleTimeoutMs", "60000", 1, Integer.MAX_VALUE),
  NPPA_APP_ID("nppaAppId", ""),
  NPPA_BIZ_ID("nppaBizId", ""),
  NPPA_SECRET_KEY("nppaSecretKey", ""),
  NPPA_ENDPOINT("nppaEndpoint", NppaConfig.PRODUCTION_ENDPOINT.toString()),
  RETENTION_DAYS("retentionDays", "365", 0, 36_500),
  ACCESS_LOG("accessLog", "sampled"),
  LOG_FORMAT("logFormat", "auto"),
  REVIEW_LEASE_SECONDS("reviewLeaseSeconds", "300", 10, 86_400),
  REVIEW_TEXT_RETENTION_HOURS("reviewTextRetentionHours", "72", 1, 8_760),
  PILEON_MAX_TARGETS("pileOnMaxTargets", "200000", 1, Integer.MAX_VALUE),
  CALLBACK_TIMEOUT_MS("callbackTimeoutMs", "5000", 1, 600_000),
  CALLBACK_BACKOFF_MS("callbackBackoffMs", "1000", 1, 3_600_000),
  CALLBACK_MAX_BACKOFF_MS("callbackMaxBackoffMs", "60000", 1, 3_600_000),
  CALLBACK_GIVE_UP_HOURS("callbackGiveUpHours", "72", 1, 8_760);

  private static final Map<String, Setting> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

  private final String key;
  private final String defaultValue;
  private final int min;
  private final int max;

  /** A setting of any text. */
  Setting(String key, String defaultValue) {
    this(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}. */
  Setting(String key, String defaultValue, int min, int max) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
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

  /** The least value of a whole-number setting. */
  public int min() {
    return min;
  }

  /** The greatest value of a whole-number setting. */
  public int max() {
    return max;
  }

  /** A value never to be shown, in a log or anywhere else: the start line says only that it is set. */
  public boolean secret() {
    return this == NPPA_SECRET_KEY;
  }

  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
