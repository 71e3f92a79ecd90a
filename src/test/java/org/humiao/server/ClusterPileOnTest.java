package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.stream.SharedKafka;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two service instances in the cluster profile on one Redis: a pile-on whose texts are spread
 * across them is counted as one, each level is raised (and its answer marked) once, and a
 * protection switched on through one instance holds on the other.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class ClusterPileOnTest {
  private static final String ABUSE = "你个傻*逼";

  @TempDir
  static Path dir;
  static LocalService first;
  static LocalService second;
  static Client one;
  static Client two;

  @BeforeAll
  static void start(Vertx vertx, SharedKafka kafka, SharedRedis redis) throws Exception {
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "pileon-cluster-test-" + UUID.randomUUID() + ":",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "pileon-cluster-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    first = new LocalService(dir.resolve("one"), cluster, Clock.systemUTC(), null);
    second = new LocalService(dir.resolve("two"), cluster, Clock.systemUTC(), first);
    one = new Client(vertx, first.port());
    two = new Client(vertx, second.port());
  }

  @AfterAll
  static void stop() throws Exception {
    one.close();
    two.close();
    second.close();
    first.close();
  }

  @Test
  void aPileOnSpreadOverTwoInstancesIsCountedAndRaisedOnce() {
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Client client = i % 2 == 0 ? one : two;
      JsonObject answer = ok(client.post("/v1/text/screen", first.platformKey, new JsonObject().put("text", ABUSE)
          .put("authorId", "troll-" + (i % 12)).put("targetId", "spread")));
      if (answer.containsKey("pileOn")) {
        marks.add(i + ":" + answer.getJsonObject("pileOn").getString("level"));
      }
    }
    // watch at the 8th text (5 authors by then), surge at the 20th (10 authors): once each, across both
    assertEquals(List.of("7:watch", "19:surge"), marks);
    JsonObject viaOne = ok(one.get("/v1/targets/spread/status", first.platformKey));
    JsonObject viaTwo = ok(two.get("/v1/targets/spread/status", first.platformKey));
    assertEquals("surge", viaOne.getString("level"));
    assertEquals(viaOne, viaTwo);
    assertEquals(new JsonObject().put("windowMinutes", 10).put("messages", 24).put("authors", 12),
        viaTwo.getJsonArray("counts").getJsonObject(0));
    assertEquals(24, ok(two.get("/v1/targets/spread/evidence", first.platformKey)).getJsonArray("entries").size());
  }

  @Test
  void aProtectionSwitchedOnThroughOneInstanceHoldsOnTheOther() {
    ok(one.post("/v1/targets/guarded/protection", first.platformKey, new JsonObject().put("on", true)
        .put("until", Instant.now().getEpochSecond() + 600).put("scope", "everyone")));
    JsonObject answer = ok(two.post("/v1/text/screen", first.platformKey, new JsonObject().put("text", "今天天气不错")
        .put("authorId", "friend").put("targetId", "guarded").put("relation", "friend")));
    assertEquals(Boolean.TRUE, answer.getBoolean("protected"), answer::encode);
  }
}
