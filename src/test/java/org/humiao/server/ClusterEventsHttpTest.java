package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.stream.KafkaForwarder;
import org.humiao.events.stream.SharedKafka;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances with Kafka set: each one's regulators see the events screened by both. */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class})
class ClusterEventsHttpTest {
  /** Blocked by the placeholder lexicons. */
  private static final String BLOCKED = "你个傻*逼";

  @TempDir
  Path dir;

  @Test
  void eachInstanceSummarizesTheEventsOfBoth(Vertx vertx, SharedKafka kafka) throws Exception {
    Map<Setting, String> cluster = Map.of(Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cluster-" + System.nanoTime());
    try (LocalService first = new LocalService(dir.resolve("a"), cluster);
         LocalService second = new LocalService(dir.resolve("b"), cluster)) {
      Client one = new Client(vertx, first.port());
      Client two = new Client(vertx, second.port());
      assertEquals(200, one.post("/v1/text/screen", first.platformKey, new JsonObject().put("text", BLOCKED)).statusCode());
      assertEquals(200, two.post("/v1/text/screen", second.otherPlatformKey, new JsonObject().put("text", BLOCKED))
          .statusCode());

      assertSeesBoth(one, first.regulatorKey);
      assertSeesBoth(two, second.regulatorKey);
      // the forwarder counts after its cursor write, which may come after the feeds saw the event
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      String metrics;
      do {
        metrics = one.get("/metrics", null).bodyAsString();
      } while (!metrics.contains("humiao_events_forwarded_total 1.0") && System.nanoTime() < deadline && pause());
      assertTrue(metrics.contains("humiao_events_forwarded_total 1.0"), metrics);
      assertTrue(metrics.contains("humiao_events_forward_lag 0.0"), metrics);
      assertMonitoringNamesServed(metrics);
      one.close();
      two.close();
    }
    // a clean stop leaves each instance's cursor past its one event
    assertEquals("1", Files.readString(dir.resolve("a/data/events").resolve(KafkaForwarder.CURSOR_FILE)).trim());
    assertEquals("1", Files.readString(dir.resolve("b/data/events").resolve(KafkaForwarder.CURSOR_FILE)).trim());
  }

  /**
   * Every metric docker/'s alert rules and Grafana dashboard query is one a cluster instance serves:
   * a renamed meter would otherwise leave an alert that never fires. The NPPA outbox's gauge exists
   * only when NPPA reporting is set up (NppaHttpTest's service), the minor-mode answers' counter
   * only after one (HttpApiTest checks it), the review resolutions' counter only after one
   * (ReviewBrowserTest); `up` is Prometheus's own.
   */
  private static void assertMonitoringNamesServed(String metrics) throws IOException {
    Set<String> named = new TreeSet<>();
    Matcher m = Pattern.compile("\\b((?:humiao|http_server|jvm|cache)_[a-z_]+)")
        .matcher(Files.readString(Path.of("docker/prometheus/alerts.yml"))
            + Files.readString(Path.of("docker/grafana/dashboards/humiao.json")));
    while (m.find()) {
      named.add(m.group(1));
    }
    named.remove("humiao_nppa_outbox_pending");
    named.remove("humiao_minor_decisions_total");
    // a counter per (kind, category, source, outcome), so there is none before a first resolution (ReviewBrowserTest checks it)
    named.remove("humiao_review_resolutions_total");
    assertTrue(named.size() > 10, "the pattern found too few names: " + named);
    Set<String> missing = new TreeSet<>();
    for (String name : named) {
      if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(metrics).find()) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "metrics the alerts or the dashboard query that no instance serves");
  }

  /** The events reach the views through Kafka, a moment after the answers: wait for them, boundedly. */
  private static void assertSeesBoth(Client client, String regulatorKey) {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    String summary = "/v1/regulator/summary?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&groupBy=platform";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonArray rows;
    do {
      rows = ok(client.get(summary, regulatorKey)).getJsonArray("rows");
    } while (rows.size() < 2 && System.nanoTime() < deadline && pause());
    assertEquals(2, rows.size(), rows::encode);
    assertEquals(JsonArray.of(LocalService.PLATFORM, 1L, "other", 1L), JsonArray.of(
        rows.getJsonObject(0).getString("platform"), rows.getJsonObject(0).getLong("events"),
        rows.getJsonObject(1).getString("platform"), rows.getJsonObject(1).getLong("events")), rows::encode);
    JsonArray events = ok(client.get("/v1/regulator/events", regulatorKey)).getJsonArray("events");
    assertEquals(2, events.size());
    // by Beijing hour too (the console's refusals by hour): each instance counts both events in their hours
    Map<String, Integer> hours = new TreeMap<>();
    events.forEach(e -> hours.put(((JsonObject) e).getString("platform"),
        Instant.parse(((JsonObject) e).getString("time")).atZone(ViolationSummaries.ZONE).getHour()));
    Map<String, Integer> counted = new TreeMap<>();
    ok(client.get(summary.replace("groupBy=platform", "groupBy=platform,hour"), regulatorKey)).getJsonArray("rows")
        .forEach(r -> {
          assertEquals(1L, ((JsonObject) r).getLong("events"), ((JsonObject) r)::encode);
          counted.put(((JsonObject) r).getString("platform"), ((JsonObject) r).getInteger("hour"));
        });
    assertEquals(hours, counted);
  }

  private static boolean pause() {
    try {
      Thread.sleep(100);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }
}
