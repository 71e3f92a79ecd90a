package org.humiao.config;

import org.humiao.minor.nppa.NppaConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service's settings after every source was applied (see {@link SettingsResolver}); each
 * field is one {@link Setting}, whose enum documents it.
 */
public record Settings(
    String host,
    int port,
    Profile profile,
    Path dataDir,
    Path sharedDir,
    String redisUri,
    String redisPrefix,
    long redisTimeoutMs,
    Path lexicons,
    Path policies,
    Optional<Path> issuers,
    int maxTextLength,
    int maxSegmentationsPerText,
    long textBudgetMs,
    boolean semanticTier,
    int semanticWorkers,
    int semanticQueue,
    int semanticYieldAt,
    int semanticYieldLagMs,
    int repostCacheSize,
    long repostTtlHours,
    int maxBatchItems,
    int maxBatchChars,
    int listMaxEntries,
    int listMaxEntryLength,
    long maxBodyBytes,
    double rateLimitPerSecond,
    int rateLimitBurst,
    int rateLimitCharsPerToken,
    int screenCharsInFlightPerKey,
    int screenEventLoopMaxChars,
    int maxInFlight,
    long requestTimeoutMs,
    int eventLoops,
    int workerThreads,
    int minorWorkerThreads,
    long keysPollMs,
    long shutdownGraceMs,
    Optional<String> kafkaBootstrap,
    String kafkaTopic,
    int maxConnections,
    long readTimeoutMs,
    long idleTimeoutMs,
    Optional<NppaConfig> nppa,
    int retentionDays,
    AccessLog accessLog,
    LogFormat logFormat,
    int reviewLeaseSeconds,
    int reviewTextRetentionHours,
    int pileOnMaxTargets,
    int callbackTimeoutMs,
    int callbackBackoffMs,
    int callbackMaxBackoffMs,
    int callbackGiveUpHours,
    Optional<Path> lexiconCache) {

  /** Where a cluster's Kafka is when kafkaBootstrap does not say: as redisUri's default, a local one. */
  static final String CLUSTER_KAFKA_BOOTSTRAP = "127.0.0.1:9092";

  /** The embedded defaults alone. */
  public static Settings defaults() {
    return from(new EnumMap<>(Setting.class));
  }

  /** Builds settings from raw values, a missing one taking its default; a bad value names its setting. */
  static Settings from(Map<Setting, String> raw) {
    Values v = new Values(raw);
    Path dataDir = Path.of(v.text(Setting.DATA_DIR));
    Profile profile = v.profile();
    return new Settings(
        v.text(Setting.HOST),
        v.integer(Setting.PORT),
        profile,
        dataDir,
        v.optionalText(Setting.SHARED_DIR).map(Path::of).orElse(dataDir),
        v.text(Setting.REDIS_URI),
        v.optionalText(Setting.REDIS_PREFIX).orElse(""),
        v.integer(Setting.REDIS_TIMEOUT_MS),
        Path.of(v.text(Setting.LEXICONS)),
        Path.of(v.text(Setting.POLICIES)),
        v.optionalText(Setting.ISSUERS).map(Path::of),
        v.integer(Setting.MAX_TEXT_LENGTH),
        v.integer(Setting.MAX_SEGMENTATIONS_PER_TEXT),
        v.integer(Setting.TEXT_BUDGET_MS),
        v.onOff(Setting.SEMANTIC_TIER),
        v.integer(Setting.SEMANTIC_WORKERS),
        v.integer(Setting.SEMANTIC_QUEUE),
        v.integer(Setting.SEMANTIC_YIELD_AT),
        v.integer(Setting.SEMANTIC_YIELD_LAG_MS),
        v.integer(Setting.REPOST_CACHE_SIZE),
        v.integer(Setting.REPOST_TTL_HOURS),
        v.integer(Setting.MAX_BATCH_ITEMS),
        v.integer(Setting.MAX_BATCH_CHARS),
        v.integer(Setting.LIST_MAX_ENTRIES),
        v.integer(Setting.LIST_MAX_ENTRY_LENGTH),
        v.integer(Setting.MAX_BODY_BYTES),
        v.decimal(Setting.RATE_LIMIT_PER_SECOND),
        v.integer(Setting.RATE_LIMIT_BURST),
        v.integer(Setting.RATE_LIMIT_CHARS_PER_TOKEN),
        v.integer(Setting.SCREEN_CHARS_IN_FLIGHT_PER_KEY),
        v.integer(Setting.SCREEN_EVENT_LOOP_MAX_CHARS),
        v.integer(Setting.MAX_IN_FLIGHT),
        v.integer(Setting.REQUEST_TIMEOUT_MS),
        v.integer(Setting.EVENT_LOOPS),
        v.integer(Setting.WORKER_THREADS),
        v.integer(Setting.MINOR_WORKER_THREADS),
        v.integer(Setting.KEYS_POLL_MS),
        v.integer(Setting.SHUTDOWN_GRACE_MS),
        v.optionalText(Setting.KAFKA_BOOTSTRAP).or(() -> profile == Profile.CLUSTER
            ? Optional.of(CLUSTER_KAFKA_BOOTSTRAP) : Optional.empty()),
        v.text(Setting.KAFKA_TOPIC),
        v.integer(Setting.MAX_CONNECTIONS),
        v.integer(Setting.READ_TIMEOUT_MS),
        v.integer(Setting.IDLE_TIMEOUT_MS),
        v.nppa(),
        v.integer(Setting.RETENTION_DAYS),
        v.choice(Setting.ACCESS_LOG, AccessLog.class),
        v.choice(Setting.LOG_FORMAT, LogFormat.class),
        v.integer(Setting.REVIEW_LEASE_SECONDS),
        v.integer(Setting.REVIEW_TEXT_RETENTION_HOURS),
        v.integer(Setting.PILEON_MAX_TARGETS),
        v.integer(Setting.CALLBACK_TIMEOUT_MS),
        v.integer(Setting.CALLBACK_BACKOFF_MS),
        v.integer(Setting.CALLBACK_MAX_BACKOFF_MS),
        v.integer(Setting.CALLBACK_GIVE_UP_HOURS),
        v.lexiconCache());
  }

  /** The HTTP event loops: the setting, or one per core when it is 0. */
  public int effectiveEventLoops() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }

  /** The worker pool size: the setting, or when it is 0 one thread per core and one per text that may wait for the semantic tier. */
  public int effectiveWorkerThreads() {
    if (workerThreads > 0) {
      return workerThreads;
    }
    // a text waiting for the semantic tier parks its thread (for at most its scene's budget), so
    // as many more threads as texts may wait keep the waiting from holding up the rest
    return Runtime.getRuntime().availableProcessors() + (semanticTier ? semanticQueue : 0);
  }

  private record Values(Map<Setting, String> raw) {
    String text(Setting s) {
      String value = raw.getOrDefault(s, s.defaultValue()).trim();
      if (value.isEmpty()) {
        throw new SettingsException(s.key() + " must not be empty");
      }
      return value;
    }

    Profile profile() {
      String value = text(Setting.PROFILE);
      try {
        return Profile.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SettingsException(Setting.PROFILE.key() + " must be embedded or cluster, got \"" + value + "\"");
      }
    }

    /** {@code off}: none; empty (the default): {@code ~/.cache/humiao/lexicons}; else that directory. */
    Optional<Path> lexiconCache() {
      Optional<String> value = optionalText(Setting.LEXICON_CACHE);
      if (value.filter("off"::equalsIgnoreCase).isPresent()) {
        return Optional.empty();
      }
      return Optional.of(value.map(Path::of)
          .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "humiao", "lexicons")));
    }

    /** A setting whose empty value (its default) means "none". */
    Optional<String> optionalText(Setting s) {
      String value = raw.getOrDefault(s, s.defaultValue()).trim();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** On only when all three credentials are set: a partial set is a mistake worth refusing to start over. */
    Optional<NppaConfig> nppa() {
      List<Setting> credentials = List.of(Setting.NPPA_APP_ID, Setting.NPPA_BIZ_ID, Setting.NPPA_SECRET_KEY);
      List<String> missing = credentials.stream().filter(s -> optionalText(s).isEmpty()).map(Setting::key).toList();
      if (missing.size() == credentials.size()) {
        return Optional.empty();
      }
      if (!missing.isEmpty()) {
        throw new SettingsException("NPPA reporting needs nppaAppId, nppaBizId and nppaSecretKey; missing: "
            + String.join(", ", missing));
      }
      String key = text(Setting.NPPA_SECRET_KEY);
      if (!key.matches("[0-9a-fA-F]{32}")) {
        // the value is a secret: the message must not repeat it
        throw new SettingsException(Setting.NPPA_SECRET_KEY.key() + " must be 32 hex digits");
      }
      URI endpoint;
      try {
        endpoint = new URI(text(Setting.NPPA_ENDPOINT));
      } catch (URISyntaxException e) {
        throw new SettingsException(Setting.NPPA_ENDPOINT.key() + " is not a URL: " + e.getMessage());
      }
      if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
        throw new SettingsException(Setting.NPPA_ENDPOINT.key() + " must be an http or https URL, got " + endpoint);
      }
      return Optional.of(NppaConfig.withDefaults(endpoint, text(Setting.NPPA_APP_ID), text(Setting.NPPA_BIZ_ID), key));
    }

    /** One of an enum's constants, written in lower case. */
    <E extends Enum<E>> E choice(Setting s, Class<E> type) {
      String value = text(s);
      for (E e : type.getEnumConstants()) {
        if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
          return e;
        }
      }
      throw new SettingsException(s.key() + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", got \"" + value + "\"");
    }

    boolean onOff(Setting s) {
      String value = text(s);
      return switch (value) {
        case "on" -> true;
        case "off" -> false;
        default -> throw new SettingsException(s.key() + " must be on or off, got \"" + value + "\"");
      };
    }

    int integer(Setting s) {
      String value = text(s);
      try {
        int n = Integer.parseInt(value);
        if (n < s.min() || n > s.max()) {
          throw new SettingsException("%s must be between %d and %d, got %d".formatted(s.key(), s.min(), s.max(), n));
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SettingsException(s.key() + " must be a whole number, got \"" + value + "\"");
      }
    }

    double decimal(Setting s) {
      String value = text(s);
      try {
        double d = Double.parseDouble(value);
        if (!(d > 0) || Double.isInfinite(d)) {
          throw new SettingsException(s.key() + " must be a positive number, got " + value);
        }
        return d;
      } catch (NumberFormatException e) {
        throw new SettingsException(s.key() + " must be a number, got \"" + value + "\"");
      }
    }
  }
}
