package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.stream.SharedKafka;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.humiao.server.Client.ok;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compliance report in the cluster profile: two instances on one Redis and one Kafka topic,
 * texts screened and minor-mode sessions asked for on both; the report read from either instance
 * counts what both did, the sum, and the two reports are the same.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class ClusterComplianceHttpTest {
  @TempDir
  Path dir;

  @Test
  void eitherInstanceReportsTheSumOfWhatBothCounted(Vertx vertx, SharedKafka kafka, SharedRedis redis) throws Exception {
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "compliance-test-" + UUID.randomUUID() + ":",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cluster-compliance-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    try (LocalService first = new LocalService(dir.resolve("one"), cluster, Clock.systemUTC(), null);
         LocalService second = new LocalService(dir.resolve("two"), cluster, Clock.systemUTC(), first);
         Client one = new Client(vertx, first.port());
         Client two = new Client(vertx, second.port())) {
      String key = first.platformKey;
      // 3 texts on the first instance (one blocked), 2 on the second
      for (String text : List.of("你个傻*逼", "今天一起开黑吗", "作业写完了")) {
        ok(one.post("/v1/text/screen", key, new JsonObject().put("text", text).put("region", "530502")));
      }
      for (String text : List.of("明天见", "这题怎么做")) {
        ok(two.post("/v1/text/screen", key, new JsonObject().put("text", text).put("region", "530502")));
      }
      // a minor's sessions: 2 on the first instance, 1 on the second; an adult's on the second is none
      LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
      ok(one.post("/v1/attestations", key, new JsonObject().put("user", "minor-1").put("kind", "resident-id")
          .put("idNumber", ResidentIds.residentId(today.minusYears(12)))));
      ok(one.post("/v1/attestations", key, new JsonObject().put("user", "adult-1").put("kind", "resident-id")
          .put("idNumber", ResidentIds.residentId(today.minusYears(30)))));
      ok(one.post("/v1/play/authorize", key, new JsonObject().put("user", "minor-1").put("session", "s1")));
      ok(one.post("/v1/play/authorize", key, new JsonObject().put("user", "minor-1").put("session", "s2")));
      ok(two.post("/v1/play/authorize", key, new JsonObject().put("user", "minor-1").put("session", "s3")));
      ok(two.post("/v1/play/authorize", key, new JsonObject().put("user", "adult-1").put("session", "s4")));

      String path = "/v1/regulator/compliance?from=" + today + "&to=" + today;
      for (Client reader : List.of(one, two)) {
        eventually(() -> {
          JsonObject row = demo(ok(reader.get(path, first.regulatorKey)));
          return row != null && row.getLong("screened") == 5 && row.getLong("minorSessions") == 3
              && row.getLong("violations") == 1;
        }, "both instances' texts and sessions counted");
      }
      JsonObject row = demo(ok(one.get(path, first.regulatorKey)));
      assertEquals(2000.0, row.getDouble("per10k"), row::encode);
      assertEquals(row, demo(ok(two.get(path, first.regulatorKey))), "the same figures from either instance");
    }
  }

  private static JsonObject demo(JsonObject report) {
    return report.getJsonArray("platforms").stream().map(JsonObject.class::cast)
        .filter(r -> Objects.equals(r.getString("platform"), LocalService.PLATFORM)).findFirst().orElse(null);
  }
}
