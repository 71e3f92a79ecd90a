package org.humiao.bench.load;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The other key of the {@code noisy} scenario: it sends the costliest requests it can within its
 * limits, 5,000-character texts of 你住在… alone and in batches of ten (50,000 characters, the
 * default maxBatchChars), on connections of its own event loop, each sending again as soon as it
 * is answered and, when refused, after the Retry-After it was given. Counted, not timed: the
 * figure is the victim's latency.
 */
final class NoisyNeighbour {
  /** The text the issue measured at 150-210 ms: a quadratic rule and a segmentation per hit. */
  static final String COSTLY = ("我" + "你住在".repeat(1700)).substring(0, 5000);
  private static final int BATCH_ITEMS = 10;

  private final LoadOptions options;
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClientAgent client;
  private final MultiMap headers;
  private final Buffer single = new JsonObject().put("text", COSTLY).toBuffer();
  private final Buffer batch;
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private long countFrom;
  private long countUntil;

  NoisyNeighbour(LoadOptions options, String key) {
    this.options = options;
    this.client = vertx.createHttpClient(new HttpClientOptions(),
        new PoolOptions().setHttp1MaxSize(options.attackerConnections()));
    this.headers = HttpHeaders.headers()
        .add(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .add(HttpHeaders.CONTENT_TYPE, "application/json");
    JsonArray items = new JsonArray();
    for (int i = 0; i < BATCH_ITEMS; i++) {
      // each item different, so nothing about one answer is reused for the next
      items.add(new JsonObject().put("text", i + COSTLY.substring(1)));
    }
    this.batch = new JsonObject().put("items", items).toBuffer();
  }

  /** Starts every connection; answers that arrive in [countFrom, countUntil) (nanoTime) are counted. */
  void start(long countFrom, long countUntil) {
    this.countFrom = countFrom;
    this.countUntil = countUntil;
    vertx.runOnContext(v -> {
      for (int i = 0; i < options.attackerConnections(); i++) {
        send(i % 2 == 0);
      }
    });
  }

  /** Stops sending and returns the counts, by "screen|batch status". */
  Map<String, Long> stop() throws Exception {
    running = false;
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((outcome, n) -> counts.put(outcome, n.sum()));
    return counts;
  }

  private void send(boolean batches) {
    if (!running) {
      return;
    }
    URI url = options.urls().get(0);
    RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(url.getPort())
        .setURI(batches ? "/v1/text/screen/batch" : "/v1/text/screen")
        .setHeaders(headers);
    String label = batches ? "batch " : "screen ";
    client.request(ro)
        .compose(req -> req.send(batches ? batch : single))
        .compose(resp -> resp.body().map(read -> resp))
        .onComplete(done -> {
          long waitSeconds = 0;
          String outcome;
          if (done.succeeded()) {
            outcome = label + done.result().statusCode();
            String retryAfter = done.result().getHeader(HttpHeaders.RETRY_AFTER);
            waitSeconds = retryAfter == null ? 0 : Long.parseLong(retryAfter);
          } else {
            outcome = label + "error " + done.cause().getClass().getSimpleName();
            waitSeconds = 1;
          }
          long now = System.nanoTime();
          if (now >= countFrom && now < countUntil) {
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
          }
          if (waitSeconds > 0) {
            vertx.setTimer(TimeUnit.SECONDS.toMillis(waitSeconds), t -> send(batches));
          } else {
            send(batches);
          }
        });
  }
}
