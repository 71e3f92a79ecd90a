package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.keys.Role;
import org.humiao.events.stream.SharedKafka;
import org.humiao.minor.store.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service instances in the cluster profile on one real redis-server (and one Kafka broker): one person's play and
 * spending are counted once whichever instance hears of them, and a Redis that goes away gives
 * 503 state_unavailable, never an "allowed", and everything acknowledged is there when it is back.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterProfileTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** A Saturday evening in streaming hours (cac-minor-mode-2024: 06:00–22:00, an hour a day under 16). */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 20, 50, 0, 0, BEIJING);

  @TempDir
  static Path dir;
  static RedisServerProcess redis;
  static LocalService first;
  static LocalService second;
  static Client one;
  static Client two;

  @BeforeAll
  static void start(Vertx vertx, SharedKafka kafka) throws Exception {
    redis = RedisServerProcess.startPersistent(Files.createDirectories(dir.resolve("redis")));
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "cluster-test-" + UUID.randomUUID() + ":",
        // an outage is a refused connection, answered at once: the timeout only bounds a loaded machine's slow answers
        Setting.REDIS_TIMEOUT_MS, "5000",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cluster-profile-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    Clock clock = Clock.fixed(NOW.toInstant(), BEIJING);
    first = new LocalService(dir.resolve("one"), cluster, clock, null);
    second = new LocalService(dir.resolve("two"), cluster, clock, first);
    one = new Client(vertx, first.port());
    two = new Client(vertx, second.port());
    JsonObject attested = ok(one.post("/v1/attestations", first.platformKey, new JsonObject()
        .put("user", "kid").put("kind", "resident-id").put("idNumber", ResidentIds.residentId(LocalDate.of(2014, 3, 9)))));
    assertTrue(attested.getBoolean("minor"), attested::encode);
  }

  @AfterAll
  static void stop() throws Exception {
    one.close();
    two.close();
    first.close();
    second.close();
    redis.close();
  }

  @Test
  @Order(1)
  void heartbeatsSpreadOverBothInstancesAreCountedOnceAndStopAtTheQuota() {
    // [19:00, 20:15) reported in overlapping, duplicated pieces: 4,500 s of play against a 3,600 s quota
    List<Future<HttpResponse<Buffer>>> beats = new ArrayList<>();
    for (int repeat = 0; repeat < 3; repeat++) {
      for (int start = 0; start < 70; start += 10) {
        Client client = (start / 10 + repeat) % 2 == 0 ? one : two;
        long from = at(19, start);
        beats.add(client.request(HttpMethod.POST, "/v1/play/heartbeat", first.platformKey)
            .sendJsonObject(play().put("from", from).put("to", from + 15 * 60)));
      }
    }
    long counted = 0;
    long over = 0;
    for (Future<HttpResponse<Buffer>> beat : beats) {
      JsonObject answer = ok(Client.await(beat));
      counted += answer.getLong("countedSeconds");
      over += answer.getLong("overSeconds");
    }
    assertEquals(3600, counted);
    assertEquals(900, over);
    // the next report, on either instance, is told to stop
    JsonObject again = ok(two.post("/v1/play/heartbeat", first.platformKey,
        play().put("from", at(20, 40)).put("to", at(20, 41))));
    assertEquals("stop", again.getString("action"), again::encode);
    JsonObject authorized = ok(one.post("/v1/play/authorize", first.platformKey, play()));
    assertFalse(authorized.getBoolean("allowed"), authorized::encode);
  }

  @Test
  @Order(1)
  void aReviewTaskOfOneInstanceIsSeenAndClaimedOnceThroughEither() throws Exception {
    String q = "?platform=" + LocalService.PLATFORM;
    String id = ok(one.post("/v1/review/reports", first.platformKey, new JsonObject().put("dataId", "cluster-report")
        .put("text", "举报的内容").put("reason", "辱骂").put("reportedMinor", true))).getString("id");
    JsonObject seen = ok(two.get("/v1/review/tasks/" + id, first.platformKey));
    assertEquals("举报的内容", seen.getString("text"));
    assertEquals(3, seen.getInteger("priority"));
    ok(two.post("/v1/review/tasks/" + id + "/claim" + q, first.adminKey, null, Buffer.buffer()));
    // claimed once the instance has taken the new key (it polls the keys file), however long a loaded machine takes
    String reviewer = first.addKey(one, Role.REVIEWER, LocalService.PLATFORM);
    Client.assertError(one.post("/v1/review/tasks/" + id + "/claim", reviewer, null, Buffer.buffer()), 409,
        "task_claimed");
    JsonObject resolved = ok(one.post("/v1/review/tasks/" + id + "/resolve" + q, first.adminKey,
        new JsonObject().put("verdict", "block")));
    assertEquals("confirmed", resolved.getJsonObject("resolution").getString("outcome"));
    assertEquals(1, ok(two.get("/v1/review/summary", first.regulatorKey)).getJsonObject("kinds")
        .getJsonObject("report").getLong("confirmed"));
  }

  @Test
  @Order(2)
  void concurrentPaymentsOnBothInstancesNeverPassTheMonthlyCap() {
    // a 12-year-old: at most ¥50 a payment and ¥200 a month (nppa-2019 caps, kept by nppa-2021)
    List<Future<HttpResponse<Buffer>>> payments = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      payments.add((i % 2 == 0 ? one : two).request(HttpMethod.POST, "/v1/payments/check", first.platformKey)
          .sendJsonObject(new JsonObject().put("user", "kid").put("amountFen", 4000).put("key", "order-" + i)));
    }
    int accepted = 0;
    for (Future<HttpResponse<Buffer>> payment : payments) {
      if (ok(Client.await(payment)).getBoolean("allowed")) {
        accepted++;
      }
    }
    assertEquals(5, accepted);
  }

  @Test
  @Order(3)
  void aRedisOutageIsUnavailableNeverAllowedAndNothingAcknowledgedIsLost() throws Exception {
    JsonObject healthy = ok(one.get("/health/ready", null));
    assertEquals("ready", healthy.getString("status"), healthy::encode);
    assertEquals("redis", healthy.getJsonObject("checks").getJsonObject("state").getString("backend"));
    redis.kill();
    // still ready to screen, which needs no Redis; the answer names what is down
    JsonObject degraded = ok(one.get("/health/ready", null));
    assertEquals("degraded", degraded.getString("status"), degraded::encode);
    assertEquals("down", degraded.getJsonObject("checks").getJsonObject("state").getString("status"), degraded::encode);
    for (Client client : List.of(one, two)) {
      HttpResponse<Buffer> refused = client.post("/v1/play/authorize", first.platformKey, play());
      assertError(refused, 503, "state_unavailable");
      assertNotNull(refused.getHeader("Retry-After"));
      assertError(client.post("/v1/payments/check", first.platformKey,
          new JsonObject().put("user", "kid").put("amountFen", 100).put("key", "during-outage")), 503,
          "state_unavailable");
    }
    redis.restart();
    JsonObject replay = awaitAnswer(() -> two.post("/v1/play/heartbeat", first.platformKey,
        play().put("from", at(19, 0)).put("to", at(20, 15))));
    assertEquals(0, replay.getLong("countedSeconds"), replay::encode);
    assertEquals(0, replay.getLong("overSeconds"), replay::encode);
    assertEquals(3600, replay.getLong("playedSeconds"), replay::encode);
    JsonObject payment = ok(one.post("/v1/payments/check", first.platformKey,
        new JsonObject().put("user", "kid").put("amountFen", 100).put("key", "after-outage")));
    assertFalse(payment.getBoolean("allowed"), payment::encode);
    assertEquals(0, payment.getLong("remainingMonthFen"), payment::encode);
  }

  /** The client reconnects to Redis on its own; the first calls after a restart may still see the old connection fail. */
  private static JsonObject awaitAnswer(java.util.function.Supplier<HttpResponse<Buffer>> call) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<Buffer> response = call.get();
    while (response.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = call.get();
    }
    return ok(response);
  }

  private static JsonObject play() {
    return new JsonObject().put("user", "kid").put("session", "s1").put("service", "streaming");
  }

  private static long at(int hour, int minute) {
    return NOW.withHour(hour).withMinute(0).plusMinutes(minute).toEpochSecond();
  }

}
