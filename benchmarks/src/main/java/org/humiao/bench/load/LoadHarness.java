package org.humiao.bench.load;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The operators' load generator. Open loop: requests leave on a fixed schedule whatever the
 * service does, and each latency is measured from the moment the request was due, not sent, so
 * a stalled service shows in the percentiles (coordinated-omission correction). Closed loop
 * ({@code --rate 0}): every connection sends its next request as soon as the last one is
 * answered, which finds the saturation throughput. All on one event loop, to leave the other
 * core to the service.
 */
public final class LoadHarness {
  private static final int KEEP_ALIVE_SECONDS = 5;
  private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);
  /**
   * A request before the clock starts that a busy service answers 503 or 429 is tried this many
   * times in all, waiting its Retry-After or, without one, a doubling wait from {@link
   * #SETUP_FIRST_WAIT_MILLIS} (about 8 s in all), then the run fails.
   */
  private static final int SETUP_ATTEMPTS = 6;
  private static final long SETUP_FIRST_WAIT_MILLIS = 250;
  private static final int ANSWER_SHOWN_CHARS = 200;
  private static final long CLOSE_SECONDS = 10;

  private final LoadOptions options;
  /** The service's clock. */
  private final Clock clock;
  private final Scenario scenario;
  private final List<String> lines;
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClientAgent client;
  /** The same for every request: built once. */
  private final MultiMap headers;
  private final SplittableRandom random = new SplittableRandom(42);
  private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
  private final Map<String, Long> outcomes = new TreeMap<>();
  /**
   * How late each measured request left the generator after it was due: the generator's own pauses
   * (its GC, JIT, a busy event loop), which the open loop's latency counts as the service's.
   */
  private final Histogram sendLag = new Histogram(MAX_LATENCY_MICROS, 3);
  /** The worst latency (µs) by the second of the measured window a request was due in, to line stalls up with GC logs. */
  private long[] worstBySecond = new long[0];
  private long recordFrom;
  private long stopAt;
  private int inFlight;
  private int sent;
  /** The service's semantic-tier counters when the measured window opened; null until read. */
  private TierShare tierAtStart;
  /** The tier's share of the measured window, for the report; empty when the service has no such counters. */
  private String tierLine = "";
  /** The other key of the noisy scenario, built before the clock starts (its requests are encoded once); null in the others. */
  private final NoisyNeighbour neighbour;

  private LoadHarness(LoadOptions options, List<String> lines) {
    this.options = options;
    this.clock = Clock.offset(Clock.systemUTC(), options.clockOffset());
    this.scenario = Scenario.named(options.scenario(), clock);
    this.lines = lines;
    // idle connections are dropped before the service's 10 s keep-alive limit (readTimeoutMs) closes them
    // under a request
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAliveTimeout(KEEP_ALIVE_SECONDS),
        new PoolOptions().setHttp1MaxSize(options.connections()));
    this.headers = HttpHeaders.headers()
        .add(HttpHeaders.AUTHORIZATION, "Bearer " + options.key())
        .add(HttpHeaders.CONTENT_TYPE, "application/json");
    this.neighbour = options.attackerKey() == null ? null : new NoisyNeighbour(options, options.attackerKey());
  }

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    List<String> lines = Files.readAllLines(options.corpus(), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    try {
      measureWithCeiling(options, lines);
    } catch (Exception e) {
      // a failed run ends the process: Vert.x's threads would otherwise keep it alive with nothing to do
      System.err.println("load harness: " + (e instanceof ExecutionException ? e.getCause().getMessage() : e));
      System.exit(1);
    }
  }

  /** The run, then, with {@code --ceiling}, the same against the ceiling server and the ratio. */
  private static void measureWithCeiling(LoadOptions options, List<String> lines) throws Exception {
    LoadResult result = measure(options, lines);
    if (options.ceilingPort() > 0) {
      LoadOptions ceiling = options.againstCeiling();
      LoadResult bare;
      Process server = CeilingProcess.start(options.ceilingPort());
      try {
        bare = measure(ceiling, lines);
      } finally {
        server.destroy();
      }
      System.out.printf(Locale.ROOT, "service / ceiling: %.0f / %.0f req/s = %.2f of the ceiling%n",
          result.throughput(), bare.throughput(), result.throughput() / bare.throughput());
    }
  }

  /** One run against {@code options}' instances, reported. */
  private static LoadResult measure(LoadOptions options, List<String> lines) throws Exception {
    LoadHarness harness = new LoadHarness(options, lines);
    LoadResult result;
    try {
      if (harness.scenario.playsAsUsers()) {
        harness.attestUsers().toCompletionStage().toCompletableFuture().get();
      }
      if (harness.scenario.screensWithLists()) {
        harness.putLists().toCompletionStage().toCompletableFuture().get();
      }
      result = harness.run().toCompletionStage().toCompletableFuture().get();
    } finally {
      harness.vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS);
    }
    LatencyReport.write(options, result);
    System.out.println(LatencyReport.markdown(options, result));
    String pauses = harness.pausesLine();
    System.out.println(pauses);
    Files.writeString(Path.of(options.out() + ".md"), "\n" + pauses + "\n", StandardOpenOption.APPEND);
    if (!harness.tierLine.isEmpty()) {
      System.out.println(harness.tierLine);
      Files.writeString(Path.of(options.out() + ".md"), "\n" + harness.tierLine + "\n", StandardOpenOption.APPEND);
    }
    System.out.println("report: " + options.out() + ".{json,md,png}");
    return result;
  }

  private Future<LoadResult> run() {
    Promise<LoadResult> done = Promise.promise();
    vertx.runOnContext(v -> {
      long start = System.nanoTime();
      recordFrom = start + options.warmup().toNanos();
      stopAt = recordFrom + options.duration().toNanos();
      worstBySecond = new long[(int) Math.max(1, options.duration().toSeconds())];
      vertx.setTimer(Math.max(1, options.warmup().toMillis()), t -> scrapeTier().onSuccess(share -> tierAtStart = share));
      if (options.rate() > 0) {
        openLoop(start);
      } else {
        for (int i = 0; i < options.connections(); i++) {
          closedLoop();
        }
      }
      if (neighbour != null) {
        neighbour.start(recordFrom, stopAt);
      }
      vertx.setPeriodic(50, id -> {
        if (System.nanoTime() >= stopAt && inFlight == 0) {
          vertx.cancelTimer(id);
          scrapeTier().onSuccess(end -> tierLine = tierAtStart == null ? "" : end.since(tierAtStart).describe())
              // the neighbour's own event loop is closed off this one, which must not wait on it
              .transform(read -> vertx.<Map<String, Long>>executeBlocking(() -> neighbour == null ? Map.of() : neighbour.stop()))
              .onSuccess(attacker -> done.complete(new LoadResult(latency.copy(), Map.copyOf(outcomes),
                  options.duration().toNanos(), attacker)))
              .onFailure(done::fail);
        }
      });
    });
    return done.future();
  }

  /**
   * Whether the generator itself stalled (send lag: a stall of the harness shows there as well as in
   * the latency; one of the service or the network only in the latency), and when in the window the
   * worst answers were due.
   */
  private String pausesLine() {
    StringBuilder worst = new StringBuilder();
    for (long micros : worstBySecond) {
      worst.append(worst.isEmpty() ? "" : " ").append(micros / 1000);
    }
    return String.format(Locale.ROOT, "generator send lag (due to sent) p50 %.2f / p99 %.2f / max %.2f ms; "
            + "worst latency by second of the window (ms): %s", sendLag.getValueAtPercentile(50) / 1000.0,
        sendLag.getValueAtPercentile(99) / 1000.0, sendLag.getMaxValue() / 1000.0, worst);
  }

  /** The semantic tier's counters of every instance, summed (unmeasured; /metrics needs no key). */
  private Future<TierShare> scrapeTier() {
    List<Future<TierShare>> each = options.urls().stream()
        .map(url -> client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(url.getPort()).setURI("/metrics"))
            .compose(req -> req.send())
            .compose(HttpClientResponse::body)
            .map(body -> TierShare.parse(body.toString())))
        .toList();
    return Future.all(each).map(all -> each.stream().map(Future::result)
        .reduce(new TierShare(Map.of()), TierShare::plus));
  }

  private void openLoop(long start) {
    long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
    long[] nextDue = {start};
    vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      while (nextDue[0] <= now && nextDue[0] < stopAt) {
        send(nextDue[0]);
        nextDue[0] += interval;
      }
      if (nextDue[0] >= stopAt) {
        vertx.cancelTimer(id);
      }
    });
  }

  private void closedLoop() {
    long now = System.nanoTime();
    if (now < stopAt) {
      send(now).onComplete(ar -> closedLoop());
    }
  }

  /** Registers the scenario's users before the clock starts, {@code connections} at a time; not measured. */
  private Future<Void> attestUsers() {
    Promise<Void> done = Promise.promise();
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    int[] next = {0};
    int[] running = {0};
    vertx.runOnContext(v -> {
      Runnable[] attestNext = new Runnable[1];
      attestNext[0] = () -> {
        if (done.future().isComplete()) {
          // another connection's attestation failed: the run is over
          return;
        }
        if (next[0] == Scenario.USERS) {
          if (--running[0] == 0) {
            done.complete();
          }
          return;
        }
        int user = next[0]++;
        setUp(HttpMethod.POST, "/v1/attestations", Scenario.attestation(user, today), "attesting user " + user, 1)
            .onSuccess(ok -> attestNext[0].run())
            .onFailure(done::tryFail);
      };
      running[0] = options.connections();
      for (int i = 0; i < options.connections(); i++) {
        attestNext[0].run();
      }
    });
    return done.future();
  }

  /** Puts every platform's block list before the clock starts, one after another; not measured. */
  private Future<Void> putLists() {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(v -> putList(0, done));
    return done.future();
  }

  private void putList(int platform, Promise<Void> done) {
    if (platform == Scenario.PLATFORMS) {
      done.complete();
      return;
    }
    setUp(HttpMethod.PUT, "/v1/platforms/" + Scenario.platform(platform) + "/lists/block", Scenario.blockList(platform),
        "putting the list of " + Scenario.platform(platform), 1)
        .onSuccess(ok -> putList(platform + 1, done))
        .onFailure(done::fail);
  }

  /**
   * One request before the clock starts, {@code what} it does named in the failure: a 200 succeeds;
   * a busy service's 503 or 429 is asked again ({@link #SETUP_ATTEMPTS}); any other answer, the last
   * busy one or no answer fails, and the run with it.
   */
  private Future<Void> setUp(HttpMethod method, String path, Buffer body, String what, int attempt) {
    return exchange(method, path, body)
        .recover(failure -> Future.failedFuture(new IllegalStateException(what + ": no answer ("
            + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")", failure)))
        .compose(response -> {
          int status = response.statusCode();
          if (status == 200) {
            return Future.succeededFuture();
          }
          boolean busy = status == 503 || status == 429;
          if (!busy || attempt == SETUP_ATTEMPTS) {
            String answer = response.body().result().toString();
            String hint = switch (status) {
              case 503, 429 -> ", " + attempt + " times, before the clock started (the service is too busy: fewer"
                  + " --connections; for a 503 longer HUMIAO_REQUEST_TIMEOUT_MS and HUMIAO_REDIS_TIMEOUT_MS, for a 429"
                  + " a higher HUMIAO_RATE_LIMIT_PER_SECOND)";
              case 401, 403 -> " (--key: a platform key; the lists scenario needs an admin key)";
              default -> "";
            };
            return Future.failedFuture(new IllegalStateException(what + " answered " + status + hint + ": "
                + answer.substring(0, Math.min(answer.length(), ANSWER_SHOWN_CHARS))));
          }
          String retryAfter = response.getHeader(HttpHeaders.RETRY_AFTER);
          long wait = retryAfter == null ? SETUP_FIRST_WAIT_MILLIS << (attempt - 1)
              : TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter));
          Promise<Void> waited = Promise.promise();
          vertx.setTimer(Math.max(1, wait), t -> waited.complete());
          return waited.future().compose(v -> setUp(method, path, body, what, attempt + 1));
        });
  }

  /** One request to the next instance in turn, its body read. */
  private Future<HttpClientResponse> exchange(HttpMethod method, String path, Buffer body) {
    URI url = options.urls().get(Math.floorMod(sent++, options.urls().size()));
    RequestOptions ro = new RequestOptions().setMethod(method).setHost(url.getHost()).setPort(url.getPort())
        .setURI(path)
        .setHeaders(headers);
    return client.request(ro)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(read -> resp));
  }

  /** Sends one request due at {@code due} (nanoTime) and records it once answered. */
  private Future<Void> send(long due) {
    Scenario.Request request = scenario.draw(random, lines);
    inFlight++;
    if (due >= recordFrom && due < stopAt) {
      sendLag.recordValue(Math.min(MAX_LATENCY_MICROS, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due)));
    }
    return exchange(request.method(), request.path(), request.body())
        .map(resp -> outcome(request, resp))
        .otherwise(failure -> request.label() + " error " + failure.getClass().getSimpleName())
        .map(outcome -> {
          inFlight--;
          long end = System.nanoTime();
          if (due >= recordFrom && due < stopAt) {
            long micros = Math.min(MAX_LATENCY_MICROS, TimeUnit.NANOSECONDS.toMicros(end - due));
            latency.recordValue(micros);
            int second = (int) Math.min(worstBySecond.length - 1, TimeUnit.NANOSECONDS.toSeconds(due - recordFrom));
            worstBySecond[second] = Math.max(worstBySecond[second], micros);
            outcomes.merge(outcome, 1L, Long::sum);
          }
          return null;
        });
  }

  private static String outcome(Scenario.Request request, HttpClientResponse response) {
    String outcome = request.label() + " " + response.statusCode();
    if (Scenario.CRAFTED.containsKey(request.label()) && response.statusCode() == 200) {
      // whether the crafted text was flagged is the point of that scenario
      outcome += " " + new io.vertx.core.json.JsonObject(response.body().result()).getString("decision");
    }
    return outcome;
  }
}
