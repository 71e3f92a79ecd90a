package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.stream.SharedKafka;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.humiao.server.CasesHttpTest.THREAT;
import static org.humiao.server.CasesHttpTest.ok;
import static org.humiao.server.CasesHttpTest.regulator;
import static org.humiao.server.CasesHttpTest.step;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of the cluster profile (one Redis, one Kafka broker): a case opened by an event
 * screened on one instance is the same case, with the same history, on the other, whichever
 * instance a regulator acts through.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class ClusterCasesTest {
  @TempDir
  Path dir;

  @Test
  void aCaseIsTheSameFromBothInstances(Vertx vertx, SharedKafka kafka, SharedRedis redis) throws Exception {
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "cases-test-" + UUID.randomUUID() + ":",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cases-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    try (LocalService first = new LocalService(dir.resolve("one"), cluster, Clock.systemUTC(), null);
         LocalService second = new LocalService(dir.resolve("two"), cluster, Clock.systemUTC(), first);
         Client one = new Client(vertx, first.port());
         Client two = new Client(vertx, second.port())) {
      String city = regulator(first, "530500");
      eventually(() -> one.get("/v1/cases", city).statusCode() == 200 && two.get("/v1/cases", city).statusCode() == 200,
          "both instances know the new key");
      ok(one.post("/v1/text/screen", first.platformKey, new JsonObject().put("text", THREAT).put("region", "530521")));
      eventually(() -> ok(two.get("/v1/cases", city)).getJsonArray("cases").size() == 1,
          "the case opened on the first instance's event is on the second");
      String id = ok(two.get("/v1/cases", city)).getJsonArray("cases").getJsonObject(0).getString("id");

      ok(two.post("/v1/cases/" + id + "/actions", city, step("acknowledged")));
      ok(one.post("/v1/cases/" + id + "/actions", city, step("referred").put("agency", "education")));
      JsonObject fromOne = ok(one.get("/v1/cases/" + id, city));
      JsonObject fromTwo = ok(two.get("/v1/cases/" + id, city));
      assertEquals(3, fromOne.getJsonArray("history").size(), fromOne::encode);
      assertEquals(fromOne.getJsonArray("history"), fromTwo.getJsonArray("history"));
      assertEquals("referred", fromTwo.getString("status"));
      assertEquals(1, ok(one.get("/v1/cases", first.regulatorKey)).getJsonArray("cases").size(),
          "both instances heard the event; one case");
    }
  }
}
