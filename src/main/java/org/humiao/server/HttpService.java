package org.humiao.server;

import org.humiao.http.RecordingPool;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.RateLimiter;
import org.humiao.http.regulator.EventCursors;
import org.humiao.http.regulator.EventStream;
import org.humiao.http.screen.EngineSlot;
import org.humiao.http.screen.ScreeningEvents;
import org.humiao.server.metrics.CalendarMetrics;
import org.humiao.server.metrics.EventLoopLag;
import org.humiao.server.metrics.EventMetrics;
import org.humiao.server.metrics.JvmMetrics;
import org.humiao.server.metrics.ListMetrics;
import org.humiao.server.metrics.CallbackMetrics;
import org.humiao.server.metrics.PileOnMetrics;
import org.humiao.server.metrics.RepostCacheMetrics;
import org.humiao.server.metrics.SemanticTierMetrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import org.humiao.config.Settings;
import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.keys.KeyRingWatcher;
import org.humiao.keys.KeyStore;
import org.humiao.minor.MinorMode;
import org.humiao.minor.attest.PersonIds;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.pileon.PileOnTracker;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.semantic.admission.Admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The running HTTP service: its own Vert.x instance and metrics registry, the key ring kept
 * in step with keys.json, the worker pools of screening and of minor mode, minor mode and the event
 * journal, and the HTTP verticle. {@link #close()} stops it gracefully.
 */
public final class HttpService {
  private static final String SCREENING_POOL = "humiao-screening";
  private static final String MINOR_POOL = "humiao-minor";
  private static final String REGULATOR_POOL = "humiao-regulator";
  /**
   * Regulators' reads may scan the journal for a second; two threads of their own keep them from
   * ever holding up screening, and a short queue answers 503 overloaded rather than pile up.
   */
  private static final int REGULATOR_THREADS = 2;
  private static final int REGULATOR_IN_FLIGHT = 64;
  private static final String OPENAPI = "openapi.yaml";
  private static final long REVIEW_PURGE_MILLIS = 60_000;
  /** How often the platforms' list versions are read: a change takes effect everywhere within about this. */
  private static final long LISTS_POLL_MS = 1000;
  private static final System.Logger LOG = System.getLogger(HttpService.class.getName());

  private final Vertx vertx;
  private final Components components;
  private String deploymentId;
  private int port;
  private final List<WorkerExecutor> workers;
  private final JvmMetrics jvm;
  private final Future<Void> ready;
  private long listsPoll = -1;

  private HttpService(Vertx vertx, Components components, List<WorkerExecutor> workers, JvmMetrics jvm,
      Future<Void> ready) {
    this.vertx = vertx;
    this.components = components;
    this.workers = workers;
    this.jvm = jvm;
    this.ready = ready;
  }

  /**
   * Listens as soon as the keys are read; the engine loads meanwhile (see {@link #ready()}).
   *
   * @param engineFactory builds the engine, on a worker: it compiles the lexicons
   * @param clock the time minor mode decides at and events are stamped with
   */
  public static Future<HttpService> start(Settings settings, Callable<ScreeningEngine> engineFactory, Clock clock) {
    Buffer openApi = openApi();
    Vertx vertx = Vertx.vertx();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PendingWrites pending = new PendingWrites();
    ServiceState state;
    try {
      state = ServiceState.open(settings, vertx, registry, clock, pending);
    } catch (IOException | RuntimeException e) {
      return vertx.close().transform(closed -> Future.failedFuture(e));
    }
    JvmMetrics jvm = new JvmMetrics(registry);
    CalendarMetrics.register(registry, state.policies(), clock);
    WorkerExecutor screeningWorkers = vertx.createSharedWorkerExecutor(SCREENING_POOL, settings.effectiveWorkerThreads());
    // minor-mode calls on Redis mostly wait for round trips, so they get threads of their own, many more than
    // cores, and cannot hold up screening (on the embedded store they run on the event loop and leave these idle)
    WorkerExecutor minorWorkers = vertx.createSharedWorkerExecutor(MINOR_POOL, settings.minorWorkerThreads());
    WorkerPool pool = new WorkerPool("screening", screeningWorkers, settings.maxInFlight(), settings.requestTimeoutMs());
    WorkerPool minorPool = new WorkerPool("minor-mode", minorWorkers, settings.maxInFlight(), settings.requestTimeoutMs());
    WorkerExecutor regulatorWorkers = vertx.createSharedWorkerExecutor(REGULATOR_POOL, REGULATOR_THREADS);
    WorkerPool regulatorReads = new WorkerPool("regulator", regulatorWorkers, REGULATOR_IN_FLIGHT,
        settings.requestTimeoutMs());
    EngineSlot engine = new EngineSlot();
    RepostCacheMetrics.register(registry, engine);
    SemanticTierMetrics.register(registry, engine);
    KeyRingWatcher keys = new KeyRingWatcher(vertx, new KeyStore(settings.sharedDir()));
    EventMetrics events = new EventMetrics(registry);
    RecordingPool recording = RecordingPool.onWorkers(pool, state.events().journal(), pending).observedBy(events);
    // on the pool or on an event loop (short texts, waiting for the journal there too)
    IntSupplier screening = () -> pool.inFlight() + recording.inFlight();
    Gauge.builder("humiao.screen.in.flight", screening::getAsInt)
        .description("screening requests admitted and not yet done")
        .register(registry);
    RecordingPool minorRecording = (state.store().mayBlock()
        ? RecordingPool.onWorkers(minorPool, state.events().journal(), pending)
        : RecordingPool.onEventLoop("minor-mode", state.events().journal(), pending, settings.maxInFlight()))
        .observedBy(events);
    Gauge.builder("humiao.minor.in.flight", () -> minorPool.inFlight() + minorRecording.inFlight())
        .description("minor-mode requests admitted and not yet done")
        .register(registry);
    EventLoopLag loopLag = new EventLoopLag(registry);
    Pseudonyms pseudonyms = new Pseudonyms(state.secrets().pseudonymKey());
    MinorMode minorMode = new MinorMode(state.policies(), state.store(), state.issuers(),
        new PersonIds(state.secrets().personKey()), pseudonyms, new DefaultRegions(keys::ring, minorRecording),
        state.nppa().map(NppaReporting::reporter), pending, clock);
    AtomicInteger openConnections = new AtomicInteger();
    Gauge.builder("humiao.http.connections.open", openConnections, AtomicInteger::get)
        .description("HTTP connections open")
        .register(registry);
    Optional<PileOnTracker> pileOn = state.pileOn().map(p -> new PileOnTracker(p.policy(), p.store(), minorMode::isMinor,
        pseudonyms, new DefaultRegions(keys::ring, recording), p.alerts(), clock));
    state.pileOn().ifPresent(p -> PileOnMetrics.register(registry, p.store()));
    ListMetrics.register(registry, state.lists());
    state.pileOn().ifPresent(p -> CallbackMetrics.register(registry, p.alerts()));
    Components components = new Components(settings, keys, engine, pool, regulatorReads, registry, openApi, state, recording,
        new ScreeningEvents(pseudonyms, new DefaultRegions(keys::ring, recording), clock, state.screened()), minorMode, minorRecording,
        new EventStream(vertx, keys::ring, state.events().live(), state.events().recent(), regulatorReads,
            new EventCursors(state.secrets().pseudonymKey()), registry),
        pileOn,
        // one bucket per key across all server instances
        new RateLimiter(settings.rateLimitPerSecond(), settings.rateLimitBurst(), settings.rateLimitCharsPerToken(),
            System::nanoTime), openConnections, clock,
        new ReviewQueue(state.reviews(), recording, clock, Duration.ofSeconds(settings.reviewLeaseSeconds()),
            Duration.ofHours(settings.reviewTextRetentionHours()), new ReviewedListAdditions(state.lists())),
        loopLag);
    // texts past their retention are never shown; this takes them off the disk too, off the event loop
    vertx.setPeriodic(REVIEW_PURGE_MILLIS, id -> regulatorReads.submit(components.reviews()::dropExpiredTexts));
    HttpService service = new HttpService(vertx, components, List.of(screeningWorkers, minorWorkers, regulatorWorkers), jvm,
        engine.load(vertx, () -> {
          ScreeningEngine loaded = engineFactory.call();
          // the pool's load (long texts, batches, texts held for review), or the event loops' backlog
          // (short texts are screened there, counted in flight only while they run)
          loaded.semanticYieldsTo(Admission.Yield.above(screening, settings.semanticYieldAt())
              .or(Admission.Yield.above(loopLag::lagMicros, settings.semanticYieldLagMs() * 1000)));
          return loaded;
        }));
    // other instances' list and strategy changes (cluster) arrive within about a second; ordered, so polls never overlap
    service.listsPoll = vertx.setPeriodic(LISTS_POLL_MS, id -> screeningWorkers.executeBlocking(() -> {
      state.lists().refresh();
      state.strategies().refresh();
      return null;
    }, true).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "platform lists or strategies not refreshed: "
        + e.getMessage())));
    return keys.start(settings.keysPollMs())
        .compose(v -> service.deployServers(settings.port(), settings.effectiveEventLoops()))
        .map(v -> service)
        // Closed after the failure is delivered: closing first would leave it no event loop to run on.
        .onFailure(e -> service.close());
  }

  private static Buffer openApi() {
    try (InputStream in = HttpService.class.getClassLoader().getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI + " is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code instances} server instances on the one port; Vert.x hands each new connection to the
   * next. Port 0 (a free one, for tests) gets one instance: Vert.x shares a port between instances
   * only when they ask for the same number, and each asking for 0 would get a port of its own.
   */
  private Future<Void> deployServers(int configuredPort, int instances) {
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
      HttpVerticle server = new HttpVerticle(components, configuredPort);
      servers.add(server);
      return server;
    }, new DeploymentOptions().setInstances(configuredPort == 0 ? 1 : instances)).map(id -> {
      deploymentId = id;
      port = servers.get(0).port();
      return null;
    });
  }

  public int port() {
    return port;
  }

  /** Completes when the engine has loaded; fails when the lexicons cannot be loaded at all. */
  public Future<Void> ready() {
    return ready;
  }

  /** The version of the lexicons in force, for the start line; "not loaded" before {@link #ready()}. */
  public String lexiconVersion() {
    return components.engine().loaded().map(ScreeningEngine::version).orElse("not loaded");
  }

  Components components() {
    return components;
  }

  /**
   * Stops accepting, lets in-flight requests finish (up to shutdownGraceMs), then releases everything.
   * The journal, the store and the NPPA outbox close last: no request is left to write to them. The
   * NPPA reporter stops first; what it has not sent stays in the outbox for the next start. The Kafka
   * feed and forwarder stop just before the journal (the forwarder's last batch acknowledged and its
   * cursor written), so events journaled while Kafka was away go out on the next start.
   */
  public Future<Void> close() {
    components.keys().stop();
    // before the workers it runs on are closed
    vertx.cancelTimer(listsPoll);
    Future<Void> undeployed = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    // A promise of no context: one bound to this Vert.x could not deliver once its event loops are gone.
    Promise<Void> closed = Promise.promise();
    // the state closes while Vert.x still runs (its Redis clients need their event loops to flush and
    // close) and on a worker thread of Vert.x's own (closing forces files and waits for Redis)
    undeployed.eventually(() -> Future.join(workers.stream().map(WorkerExecutor::close).toList()))
        .transform(stopped -> vertx.executeBlocking(() -> {
          // the semantic tier's workers, once no request can reach them
          components.engine().loaded().ifPresent(ScreeningEngine::close);
          components.state().close();
          return null;
        }, false))
        .onComplete(stateClosed -> vertx.close().onComplete(done -> {
          jvm.close();
          closed.handle(stateClosed.failed() ? stateClosed.mapEmpty() : done);
        }));
    return closed.future();
  }
}
