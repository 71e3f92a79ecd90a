package org.humiao.server;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One key sending the costliest texts it can (5,000 characters of 你住在…, alone and in batches
 * of 50,000 characters) does not make another key's screening time out: its work is charged by
 * characters, it runs on at most its share of the pool, and a batch stops at its deadline.
 */
@ExtendWith(VertxExtension.class)
class NoisyNeighbourHttpTest {
  private static final String COSTLY = ("我" + "你住在".repeat(1700)).substring(0, 5000);
  private static final String[] CHAT = {"今天一起开黑吗", "你个傻*逼", "放学别走", "这把我杀了三个人", "哈哈哈笑死我了"};
  /** One victim call every 5 ms at most: 200 chat lines a second, well within the key's rate limit. */
  private static final long VICTIM_PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  /** Far below the 2 s timeout the victim's calls met before, far above a chat line's few ms on a busy machine. */
  private static final long VICTIM_BOUND_MS = 500;
  private static final int ATTACK_CONNECTIONS = 4;

  @Test
  void aKeySendingCostlyTextsIsRefusedWhileAnotherKeysScreeningAnswersInTime(Vertx vertx, @TempDir Path dir)
      throws Exception {
    try (LocalService s = new LocalService(dir, Map.of());
         Client attacker = new Client(vertx, s.port());
         Client victim = new Client(vertx, s.port())) {
      assertEquals(200, victim.post("/v1/text/screen", s.otherPlatformKey, chat(0)).statusCode(), "warm");
      // encoded once: the attacker's client shares this JVM's cores with the service
      Buffer single = new JsonObject().put("text", COSTLY).toBuffer();
      Buffer batch = batch(10, 0).toBuffer();
      AtomicBoolean attacking = new AtomicBoolean(true);
      Map<Integer, AtomicInteger> attackStatuses = new ConcurrentHashMap<>();
      AtomicInteger refusalsWithoutRetryAfter = new AtomicInteger();
      CountDownLatch stopped = new CountDownLatch(ATTACK_CONNECTIONS);
      for (int c = 0; c < ATTACK_CONNECTIONS; c++) {
        boolean batches = c % 2 == 0;
        new Runnable() {
          @Override
          public void run() {
            if (!attacking.get()) {
              stopped.countDown();
              return;
            }
            attacker.request(HttpMethod.POST, batches ? "/v1/text/screen/batch" : "/v1/text/screen", s.platformKey)
                .putHeader("Content-Type", Client.JSON)
                .sendBuffer(batches ? batch : single)
                .onComplete(done -> {
                  String retryAfter = done.succeeded() ? done.result().getHeader("Retry-After") : null;
                  if (done.succeeded()) {
                    int status = done.result().statusCode();
                    attackStatuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    if (status != 200 && retryAfter == null) {
                      refusalsWithoutRetryAfter.incrementAndGet();
                    }
                  }
                  // the costliest it can within its limits: at once while answered, after Retry-After when refused
                  if (retryAfter == null) {
                    run();
                  } else {
                    vertx.setTimer(TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter)), t -> run());
                  }
                });
          }
        }.run();
      }

      List<Long> victimMillis = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
      for (int i = 0; System.nanoTime() < end; i++) {
        long started = System.nanoTime();
        HttpResponse<Buffer> r = victim.post("/v1/text/screen", s.otherPlatformKey, chat(i));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(200, r.statusCode(), () -> "victim call " + victimMillis.size() + ": " + r.bodyAsString());
        victimMillis.add(millis);
        // a chat platform's pace, within its own rate limit: on an idle machine back-to-back calls
        // outran the victim's 500 tokens a second and it was refused for its own sake
        long paceNanos = started + VICTIM_PACE_NANOS - System.nanoTime();
        if (paceNanos > 0) {
          TimeUnit.NANOSECONDS.sleep(paceNanos);
        }
      }
      attacking.set(false);
      assertTrue(stopped.await(20, TimeUnit.SECONDS));

      long slowest = victimMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertTrue(slowest <= VICTIM_BOUND_MS, "slowest of " + victimMillis.size() + " victim calls: " + slowest + " ms");
      assertTrue(victimMillis.size() >= 50, "victim calls: " + victimMillis.size());
      int refused = attackStatuses.getOrDefault(429, new AtomicInteger()).get();
      assertTrue(refused > 0, "the attacker was refused with 429: " + attackStatuses);
      assertEquals(0, refusalsWithoutRetryAfter.get(), "every refusal says when to retry: " + attackStatuses);
      assertTrue(attackStatuses.getOrDefault(200, new AtomicInteger()).get() > 0, "the attacker's first texts are screened");
    }
  }

  @Test
  void screeningIsChargedByItsCharacters(Vertx vertx, @TempDir Path dir) throws Exception {
    // 60 tokens that do not refill within the test: a 5,000-character text takes 1 + 50 of them
    try (LocalService s = new LocalService(dir, Map.of(Setting.RATE_LIMIT_PER_SECOND, "0.001", Setting.RATE_LIMIT_BURST, "60",
        Setting.RATE_LIMIT_CHARS_PER_TOKEN, "100"));
         Client client = new Client(vertx, s.port())) {
      assertEquals(200, client.post("/v1/text/screen", s.platformKey, new JsonObject().put("text", COSTLY)).statusCode());
      for (int i = 0; i < 9; i++) {
        assertEquals(200, client.post("/v1/text/screen", s.platformKey, chat(i)).statusCode(), "chat line " + i);
      }
      HttpResponse<Buffer> refused = client.post("/v1/text/screen", s.platformKey, chat(9));
      assertError(refused, 429, "rate_limited");
      assertTrue(Long.parseLong(refused.getHeader("Retry-After")) >= 1);
      assertEquals(200, client.post("/v1/text/screen", s.otherPlatformKey, chat(0)).statusCode(), "another key's bucket is its own");
    }
  }

  @Test
  void aBatchOverItsCharactersIsRefusedWhole(Vertx vertx, @TempDir Path dir) throws Exception {
    try (LocalService s = new LocalService(dir, Map.of());
         Client client = new Client(vertx, s.port())) {
      JsonObject error = assertError(client.post("/v1/text/screen/batch", s.platformKey, batch(11, 0)), 400, "batch_too_large");
      assertTrue(error.getString("message").contains("55000"), error::encode);
      assertEquals(200, client.post("/v1/text/screen/batch", s.platformKey, batch(10, 0)).statusCode());
    }
  }

  @Test
  void aBatchPastItsDeadlineStopsScreeningItsRemainingItems(Vertx vertx, @TempDir Path dir) throws Exception {
    int items = 100;
    try (LocalService s = new LocalService(dir, Map.of(Setting.REQUEST_TIMEOUT_MS, "200", Setting.MAX_BATCH_CHARS, "1000000",
        Setting.MAX_BODY_BYTES, "4000000", Setting.RATE_LIMIT_CHARS_PER_TOKEN, "1000000"));
         Client client = new Client(vertx, s.port())) {
      assertEquals(200, client.post("/v1/text/screen", s.platformKey, new JsonObject().put("text", COSTLY)).statusCode(), "warm");
      double before = screened(s);
      // a hundred costly texts take seconds; the answer is 503 timeout after 200 ms
      assertError(client.post("/v1/text/screen/batch", s.platformKey, batch(items, 1)), 503, "timeout");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (s.service.components().screeningPool().inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(0, s.service.components().screeningPool().inFlight());
      double processed = screened(s) - before;
      assertTrue(processed < items / 2.0, "items screened after the deadline: " + processed + " of " + items);
    }
  }

  /** Texts screened so far, by the decisions counter (one count per text). */
  private static double screened(LocalService s) {
    return s.service.components().registry().find("humiao.screen.decisions").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private static JsonObject chat(int i) {
    return new JsonObject().put("text", CHAT[i % CHAT.length]).put("scene", "chat");
  }

  /** {@code items} costly texts, each different from {@code first} on. */
  private static JsonObject batch(int items, int first) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < items; i++) {
      String n = Integer.toString(first == 0 ? 0 : first + i);
      array.add(new JsonObject().put("text", n + COSTLY.substring(n.length())));
    }
    return new JsonObject().put("items", array);
  }
}
