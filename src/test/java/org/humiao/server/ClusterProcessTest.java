package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.humiao.events.stream.KafkaForwarder;
import org.humiao.events.stream.SharedKafka;
import org.humiao.events.stream.TopicFollower;
import org.humiao.events.stream.TopicReader;
import org.humiao.events.stream.Waits;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.minor.store.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code serve} processes in the cluster profile on one real redis-server and one Kafka
 * broker. One person's heartbeats and payments spread over both are counted once. Then one is
 * SIGKILLed while both take traffic: the other answers every request it gets, and
 * every event either acknowledged (a 200 for a blocked text) reaches Kafka, once restarted where
 * needed, and is counted once in the regulators' summary.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class})
class ClusterProcessTest {
  /** Blocked by the lexicons; the marker after it survives masking, so each event can be told apart. */
  private static final String BLOCKED = "你个傻*逼 ";
  private static final Pattern MARKER = Pattern.compile("m(\\d+)x");
  private static final int REQUESTS = 600;
  private static final int IN_FLIGHT = 16;
  private static final int KILL_AFTER_ACKS_OF_B = 100;

  @TempDir
  Path dir;

  @Test
  void twoProcessesCountOnePersonOnceAndAKilledOneLosesNoAcknowledgedEvent(Vertx vertx, SharedKafka kafka)
      throws Exception {
    String topic = "process-test-" + UUID.randomUUID();
    Map<String, String> env = new HashMap<>(Map.of(
        "HUMIAO_PROFILE", "cluster",
        "HUMIAO_KAFKA_BOOTSTRAP", kafka.bootstrap(),
        "HUMIAO_KAFKA_TOPIC", topic,
        "HUMIAO_REDIS_PREFIX", topic + ":",
        "HUMIAO_SHARED_DIR", Files.createDirectories(dir.resolve("shared")).toString(),
        "HUMIAO_RATE_LIMIT_PER_SECOND", "100000",
        "HUMIAO_RATE_LIMIT_BURST", "100000"));
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      env.put("HUMIAO_REDIS_URI", redis.uri());
      ServiceProcess a = ServiceProcess.start(dir.resolve("a"), 0, env);
      ServiceProcess b = ServiceProcess.start(dir.resolve("b"), 0, env);
      String key = a.key("platform");
      String regulator = a.key("regulator");
      Client toA = new Client(vertx, a.port());
      Client toB = new Client(vertx, b.port());
      try {
        sharedStateIsCountedOnce(toA, toB, key);
        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        int[] failedOnA = {0};
        int[] acksOfB = {0};
        boolean[] killed = {false};
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < IN_FLIGHT; lane++) {
          running.add(lane(lane, toA, toB, key, acknowledged, failedOnA, acksOfB, killed, b));
        }
        for (Future<?> f : running) {
          f.await(120, TimeUnit.SECONDS);
        }
        assertTrue(killed[0], "the load ended before instance b was killed");
        assertEquals(0, failedOnA[0], "instance a failed requests while b was down");
        // the client retries through a every request it sent b: those b never answered, and those whose
        // answer it did not see. The same dataId is the same event id on either instance, so each
        // marker stays one event
        for (int lane = 1; lane < REQUESTS; lane += 2) {
          HttpResponse<Buffer> retried = toA.post("/v1/text/screen", key, marker(lane));
          assertEquals(200, retried.statusCode(), retried::bodyAsString);
          acknowledged.put(lane, true);
        }

        b.awaitExit();
        // as if b had died after sending and before its cursor reached the disk: the restarted
        // forwarder sends everything b ever journaled again
        Path cursor = dir.resolve("b/events").resolve(KafkaForwarder.CURSOR_FILE);
        assertTrue(Files.exists(cursor), "b forwarded nothing before it was killed");
        Files.writeString(cursor, "0\n");
        ServiceProcess restarted = ServiceProcess.start(dir.resolve("b"), b.port(), env);
        try (TopicFollower follower = new TopicFollower(kafka.bootstrap(), topic)) {
          // every acknowledged marker, and the restarted forwarder's resend of what b had sent (its first event
          // a second time)
          follower.until(120,
              read -> markersIn(read).keySet().containsAll(acknowledged.keySet()) && read.size() > ids(read).size(),
              "acknowledged events in Kafka, and the rewound forwarder's resend");
          List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka.bootstrap(), topic);
          Set<String> ids = ids(records);
          assertTrue(records.size() > ids.size(), "the rewound forwarder resent nothing");
          // a resend carries the event's own id: one id per acknowledged request, however often sent
          Map<Integer, Set<String>> markers = markersIn(records);
          for (Integer marker : acknowledged.keySet()) {
            assertEquals(1, markers.get(marker).size(), () -> "marker " + marker + " has ids " + markers.get(marker));
          }
          // each event once in the summary (the minor-mode ones of the first phase too), whatever the
          // forwarder of the killed one sent twice
          Waits.until(30, () -> total(toA, regulator) == ids.size(),
              () -> "summary counts " + total(toA, regulator) + ", Kafka holds " + ids.size() + " events");
          assertTrue(ids.size() >= acknowledged.size());
        } finally {
          restarted.close();
        }
      } finally {
        toA.close();
        toB.close();
        a.close();
        b.close();
      }
    }
  }

  /**
   * One person's play and spending, reported to both processes at once: whatever the policy says
   * at the hour the test runs, every second of the union is counted once (as allowed or as over
   * the limit), and the monthly cap of a 12-year-old (¥200, at most ¥50 a payment) admits exactly
   * five payments of ¥40 of twelve.
   */
  private static void sharedStateIsCountedOnce(Client toA, Client toB, String key) {
    JsonObject attested = toA.post("/v1/attestations", key, new JsonObject().put("user", "kid").put("kind", "resident-id")
        .put("idNumber", ResidentIds.residentId(LocalDate.now(ViolationSummaries.ZONE).minusYears(12).minusDays(40))))
        .bodyAsJsonObject();
    assertTrue(attested.getBoolean("minor"), attested::encode);
    long hourAgo = System.currentTimeMillis() / 1000 - 3600;
    List<Future<HttpResponse<Buffer>>> beats = new ArrayList<>();
    for (int repeat = 0; repeat < 2; repeat++) {
      for (int minute = 0; minute <= 40; minute += 10) {
        JsonObject beat = new JsonObject().put("user", "kid").put("session", "s").put("service", "streaming")
            .put("from", hourAgo + minute * 60L).put("to", hourAgo + (minute + 15) * 60L);
        beats.add(((minute / 10 + repeat) % 2 == 0 ? toA : toB).request(HttpMethod.POST, "/v1/play/heartbeat", key)
            .sendJsonObject(beat));
      }
    }
    long seconds = 0;
    for (Future<HttpResponse<Buffer>> beat : beats) {
      HttpResponse<Buffer> response = Client.await(beat);
      assertEquals(200, response.statusCode(), response::bodyAsString);
      JsonObject answer = response.bodyAsJsonObject();
      seconds += answer.getLong("countedSeconds") + answer.getLong("overSeconds");
    }
    assertEquals(55 * 60, seconds, "the union [0, 55 min) of the reports, each second once");

    List<Future<HttpResponse<Buffer>>> payments = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      payments.add((i % 2 == 0 ? toA : toB).request(HttpMethod.POST, "/v1/payments/check", key)
          .sendJsonObject(new JsonObject().put("user", "kid").put("amountFen", 4000).put("key", "order-" + i)));
    }
    long accepted = payments.stream().filter(p -> Client.await(p).bodyAsJsonObject().getBoolean("allowed")).count();
    assertEquals(5, accepted);
  }

  /** The screen request of one lane: its marker in the text, and the platform's id of the content. */
  private static JsonObject marker(int lane) {
    return new JsonObject().put("text", BLOCKED + "m" + lane + "x").put("dataId", "m" + lane);
  }

  /** Sends requests one after another, alternating instances, until REQUESTS are spent; kills b after some acks. */
  private static Future<Void> lane(int lane, Client toA, Client toB, String key, Map<Integer, Boolean> acknowledged,
      int[] failedOnA, int[] acksOfB, boolean[] killed, ServiceProcess b) {
    if (lane >= REQUESTS) {
      return Future.succeededFuture();
    }
    boolean onA = lane % 2 == 0;
    Client client = onA ? toA : toB;
    return client.request(HttpMethod.POST, "/v1/text/screen", key).sendJsonObject(marker(lane))
        .<HttpResponse<Buffer>>map(r -> r)
        .otherwise(failure -> null)
        .compose(response -> {
          boolean ok = response != null && response.statusCode() == 200;
          if (ok) {
            acknowledged.put(lane, true);
          }
          synchronized (killed) {
            if (onA && !ok) {
              failedOnA[0]++;
            }
            if (!onA && ok && ++acksOfB[0] == KILL_AFTER_ACKS_OF_B) {
              b.kill();
              killed[0] = true;
            }
          }
          return lane(lane + IN_FLIGHT, toA, toB, key, acknowledged, failedOnA, acksOfB, killed, b);
        });
  }

  /** Marker → ids of the screening events carrying it, of the records read. */
  private static Map<Integer, Set<String>> markersIn(List<ConsumerRecord<String, byte[]>> records) {
    Map<Integer, Set<String>> markers = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      JsonObject event = event(record);
      String masked = event.getJsonObject("evidence").getString("masked");
      Matcher m = MARKER.matcher(masked == null ? "" : masked);
      if (m.find()) {
        markers.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new HashSet<>()).add(event.getString("id"));
      }
    }
    return markers;
  }

  private static Set<String> ids(List<ConsumerRecord<String, byte[]>> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(event(r).getString("id")));
    return ids;
  }

  private static JsonObject event(ConsumerRecord<String, byte[]> record) {
    return new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
  }

  private static long total(Client client, String regulator) {
    String today = LocalDate.now(ViolationSummaries.ZONE).toString();
    JsonArray rows = client.get("/v1/regulator/summary?from=" + today + "&to=" + today, regulator)
        .bodyAsJsonObject().getJsonArray("rows");
    return rows.isEmpty() ? 0 : rows.getJsonObject(0).getLong("events");
  }
}
