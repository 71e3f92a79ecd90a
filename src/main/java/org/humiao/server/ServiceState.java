package org.humiao.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.cases.CaseOpener;
import org.humiao.cases.CaseStore;
import org.humiao.cases.FileCaseStore;
import org.humiao.cases.RedisCaseStore;
import org.humiao.compliance.Denominator;
import org.humiao.compliance.DenominatorStore;
import org.humiao.compliance.DenominatorTally;
import org.humiao.compliance.FileDenominatorStore;
import org.humiao.compliance.RedisDenominatorStore;
import org.humiao.config.Settings;
import org.humiao.durable.PendingWrites;
import org.humiao.events.ViolationEvent;
import org.humiao.keys.ServerSecrets;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.moderation.strategy.EmbeddedStrategyChoiceStore;
import org.humiao.moderation.strategy.RedisStrategyChoiceStore;
import org.humiao.moderation.strategy.Strategies;
import org.humiao.moderation.strategy.StrategyChoiceStore;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.RedisPlayStateStore;
import org.humiao.minor.store.RespPool;
import org.humiao.moderation.review.EmbeddedReviewStore;
import org.humiao.moderation.review.RedisReviewStore;
import org.humiao.moderation.review.ReviewStore;
import org.humiao.moderation.lists.EmbeddedPlatformListStore;
import org.humiao.moderation.lists.ListLimits;
import org.humiao.moderation.lists.PlatformListStore;
import org.humiao.moderation.lists.PlatformLists;
import org.humiao.moderation.lists.RedisPlatformListStore;
import org.humiao.privacy.FilePrivacyLog;
import org.humiao.privacy.PrivacyLog;
import org.humiao.privacy.RedisPrivacyLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the service reads from disk and keeps there, beyond the keys: the minor-mode policies, the
 * screening strategies and the trusted issuers, the server secrets, the event journal, the minor-mode
 * state, the review queue, pile-on windows, the platforms' lists, the mandatory-report cases and the
 * data-rights requests (in the data dir, or in Redis for the cluster profile), and the screened-text
 * and minor-mode session counts of the compliance report, the Redis-backed ones on one shared client. Opened before the service listens, so a start
 * that cannot read them fails without serving; closed after the last request. The cases' opener hears
 * of every event from the live events, and on a start opens the cases of the recent events, which an
 * event journaled just before a stop may have missed.
 */
record ServiceState(PolicyRegistry policies, Strategies strategies, TrustedIssuers issuers, ServerSecrets secrets,
                    EventViews events, PlayStateStore store, Optional<NppaReporting> nppa, ReviewStore reviews,
                    Optional<PileOnSetup> pileOn, PlatformLists lists, CaseStore cases, CaseOpener caseOpener,
                    Runnable stopOpeningCases, DenominatorTally screened, PrivacyLog privacy,
                    DenominatorTally sessions, SharedRedisClient redis)
    implements AutoCloseable {
  /**
   * How long Redis keeps a budget's play after its last change: a guest's window (15 days in
   * nppa-2019) is one budget, and a month covers any window a policy file may set.
   */
  private static final Duration PLAY_RETENTION = Duration.ofDays(31);
  /** The screening strategies' directory inside the policy directory. */
  private static final String STRATEGIES = "strategies";
  /** The review queue's directory in the data dir (embedded profile). */
  static final String REVIEW_DIR = "review";
  /** Recent mandatory-report events whose cases a start opens, should an earlier run have stopped before it did. */
  private static final int RECENT_CASES = 10_000;

  /**
   * @param registry where the event streams' and the NPPA reporting's meters go, when they are on
   * @param clock the NPPA requests' timestamps
   * @param pending where the embedded store leaves the wait for its writes
   */
  static ServiceState open(Settings settings, Vertx vertx, MeterRegistry registry, Clock clock, PendingWrites pending)
      throws IOException {
    PolicyRegistry policies = new PolicyRegistry(settings.policies());
    SharedRedisClient redis = new SharedRedisClient(vertx, settings);
    Strategies strategies = new Strategies(settings.policies().resolve(STRATEGIES), strategyChoices(settings, redis));
    TrustedIssuers issuers = settings.issuers().map(ServiceState::issuers).orElse(TrustedIssuers.none());
    ServerSecrets secrets = ServerSecrets.loadOrCreate(settings.sharedDir(), new SecureRandom());
    EventViews events = EventViews.open(settings, registry);
    PlayStateStore store = null;
    ReviewStore reviews = null;
    Optional<PileOnSetup> pileOn = Optional.empty();
    PlatformLists lists = null;
    CaseStore cases = null;
    DenominatorTally screened = null;
    PrivacyLog privacy = null;
    DenominatorTally sessions = null;
    try {
      store = store(settings, redis, pending);
      reviews = reviews(settings, redis);
      pileOn = PileOnSetup.open(settings, redis, clock);
      lists = new PlatformLists(listStore(settings, redis),
          new ListLimits(settings.listMaxEntries(), settings.listMaxEntryLength()));
      cases = cases(settings, redis);
      screened = DenominatorTally.start(denominators(settings, redis, Denominator.SCREENED_TEXTS), clock);
      privacy = privacy(settings, redis);
      sessions = DenominatorTally.start(denominators(settings, redis, Denominator.MINOR_SESSIONS), clock);
      Optional<NppaReporting> nppa = settings.nppa().isEmpty() ? Optional.empty()
          : Optional.of(NppaReporting.start(settings.nppa().get(), settings.dataDir(), clock, registry));
      // last, so no failure after it leaves its thread behind
      CaseOpener opener = new CaseOpener(cases, clock);
      opener.accept(events.recent().after(-1, ViolationEvent::mandatoryReport, RECENT_CASES));
      Runnable stopOpening = events.live().subscribe(opener);
      return new ServiceState(policies, strategies, issuers, secrets, events, store, nppa, reviews, pileOn, lists,
          cases, opener, stopOpening, screened, privacy, sessions, redis);
    } catch (IOException | RuntimeException e) {
      try (redis; events; strategies) {
        if (store != null) {
          store.close();
        }
        if (reviews != null) {
          reviews.close();
        }
        pileOn.ifPresent(PileOnSetup::close);
        if (lists != null) {
          lists.close();
        }
        if (cases != null) {
          cases.close();
        }
        if (screened != null) {
          screened.close();
        }
        if (privacy != null) {
          privacy.close();
        }
        if (sessions != null) {
          sessions.close();
        }
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static PlayStateStore store(Settings settings, SharedRedisClient redis, PendingWrites pending) {
    return switch (settings.profile()) {
      case EMBEDDED -> EmbeddedPlayStateStore.open(settings.dataDir(), pending);
      // blocking connections of its own, used on the minor-mode workers: a call's round trip takes no event loop
      case CLUSTER -> new RedisPlayStateStore(
          RespPool.open(settings.redisUri(), Duration.ofMillis(settings.redisTimeoutMs())),
          settings.redisPrefix(), PLAY_RETENTION);
    };
  }

  /** The review queue: in the data dir, or in Redis for the cluster profile. */
  private static ReviewStore reviews(Settings settings, SharedRedisClient redis) {
    return switch (settings.profile()) {
      case EMBEDDED -> EmbeddedReviewStore.open(settings.dataDir().resolve(REVIEW_DIR));
      case CLUSTER -> new RedisReviewStore(redis.client(),
          settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  /** The platforms' lists: in the data dir, or in Redis for the cluster profile. */
  private static PlatformListStore listStore(Settings settings, SharedRedisClient redis) {
    return switch (settings.profile()) {
      case EMBEDDED -> EmbeddedPlatformListStore.open(settings.dataDir());
      case CLUSTER -> new RedisPlatformListStore(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  /** The platforms' strategies chosen through the API: in the data dir, or in Redis for the cluster profile. */
  private static StrategyChoiceStore strategyChoices(Settings settings, SharedRedisClient redis) {
    return switch (settings.profile()) {
      case EMBEDDED -> EmbeddedStrategyChoiceStore.open(settings.dataDir());
      case CLUSTER -> new RedisStrategyChoiceStore(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  /** The mandatory-report cases: in the data dir, or in Redis for the cluster profile. */
  private static CaseStore cases(Settings settings, SharedRedisClient redis) throws IOException {
    return switch (settings.profile()) {
      case EMBEDDED -> FileCaseStore.open(settings.dataDir());
      case CLUSTER -> new RedisCaseStore(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  /** The counts behind the compliance rates: in the data dir, or in Redis for the cluster profile. */
  private static DenominatorStore denominators(Settings settings, SharedRedisClient redis, Denominator denominator)
      throws IOException {
    return switch (settings.profile()) {
      case EMBEDDED -> FileDenominatorStore.open(settings.dataDir(), denominator);
      case CLUSTER -> new RedisDenominatorStore(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()),
          denominator);
    };
  }

  /** The data-rights requests and their outcomes: in the data dir, or in Redis for the cluster profile. */
  private static PrivacyLog privacy(Settings settings, SharedRedisClient redis) {
    return switch (settings.profile()) {
      case EMBEDDED -> FilePrivacyLog.open(settings.dataDir());
      case CLUSTER -> new RedisPrivacyLog(redis.client(), settings.redisPrefix(), Duration.ofMillis(settings.redisTimeoutMs()));
    };
  }

  private static TrustedIssuers issuers(Path file) {
    try {
      return TrustedIssuers.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the issuers file " + file, e);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("the issuers file " + file + " is not a JSON object of issuer: [keys]", e);
    }
  }

  @Override
  public void close() throws IOException {
    stopOpeningCases.run();
    try {
      caseOpener.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the shared Redis client last: the stores' last writes go out on it
    try (redis; events; store; reviews; lists; cases; strategies; screened; privacy; sessions) {
      pileOn.ifPresent(PileOnSetup::close);
      // first: a sender still running must not outlive what it reads
      if (nppa.isPresent()) {
        nppa.get().close();
      }
    }
  }
}
