package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
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

import static org.humiao.server.Client.assertError;
import static org.humiao.server.PlatformListsHttpTest.ok;
import static org.humiao.server.PlatformListsHttpTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform's strategy chosen by an admin over HTTP, {@code /v1/platforms/{platform}/strategy}: the
 * answer and the platform's next screen answers name it, it overrides assignments.json (also after a
 * policy reload), it survives a restart (embedded) and reaches a second instance (cluster); other
 * roles cannot choose, an unknown id is 400 unknown_strategy and changes nothing.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class PlatformStrategyHttpTest {
  /** Insult of severity 2: review under standard, block under strict. */
  private static final String MODERATE = "脑残";

  @TempDir
  Path dir;

  private static String path(String platform) {
    return "/v1/platforms/" + platform + "/strategy";
  }

  private static HttpResponse<Buffer> choose(Client client, String key, JsonObject body) {
    return send(client, HttpMethod.PUT, path(LocalService.PLATFORM), key, body);
  }

  private static JsonObject answer(String platform, String strategy) {
    return new JsonObject().put("platform", platform).put("strategy", new JsonObject().put("id", strategy).put("version", 1));
  }

  private static JsonObject screen(Client client, String key) {
    return ok(client.post("/v1/text/screen", key, new JsonObject().put("text", MODERATE)));
  }

  private static void assertDecidedBy(String strategy, String decision, JsonObject answer) {
    assertEquals(strategy, answer.getJsonObject("strategy").getString("id"), answer::encode);
    assertEquals(decision, answer.getString("decision"), answer::encode);
  }

  @Test
  void anAdminChoosesStrictForOnePlatformAndItHoldsOverAssignmentsAndARestart(Vertx vertx) throws Exception {
    Map<Setting, String> settings = Map.of(Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString(),
        Setting.DATA_DIR, dir.resolve("data").toString());
    try (LocalService service = new LocalService(dir.resolve("run1"), settings); Client client = new Client(vertx, service.port())) {
      assertEquals(answer(LocalService.PLATFORM, "standard"), ok(client.get(path(LocalService.PLATFORM), service.platformKey)));
      assertDecidedBy("standard", "review", screen(client, service.platformKey));

      JsonObject strict = new JsonObject().put("strategy", "strict");
      assertError(choose(client, service.platformKey, strict), 403, "forbidden");
      assertError(choose(client, service.regulatorKey, strict), 403, "forbidden");
      assertError(client.get(path(LocalService.PLATFORM), service.otherPlatformKey), 403, "platform_mismatch");
      assertError(client.get(path(LocalService.PLATFORM), service.regulatorKey), 403, "forbidden");
      assertError(choose(client, service.adminKey, new JsonObject().put("strategy", "lenient")), 400, "unknown_strategy");
      assertError(choose(client, service.adminKey, new JsonObject()), 400, "missing_field");
      assertError(choose(client, service.adminKey, strict.copy().put("scene", "chat")), 400, "invalid_field");
      assertError(choose(client, service.adminKey, new JsonObject().put("strategy", 7)), 400, "invalid_field");
      assertEquals(answer(LocalService.PLATFORM, "standard"), ok(client.get(path(LocalService.PLATFORM), service.adminKey)),
          "nothing chosen by the refused calls");

      assertEquals(answer(LocalService.PLATFORM, "strict"), ok(choose(client, service.adminKey, strict)));
      assertDecidedBy("strict", "block", screen(client, service.platformKey));
      assertDecidedBy("standard", "review", screen(client, service.otherPlatformKey));
      assertEquals(answer(LocalService.PLATFORM, "strict"), ok(client.get(path(LocalService.PLATFORM), service.platformKey)));

      // assignments.json naming the platform does not undo the choice, before or after a reload
      Files.writeString(service.policies.resolve("strategies/assignments.json"),
          "{\"default\": \"standard\", \"platforms\": {\"" + LocalService.PLATFORM + "\": \"standard\"}}");
      ok(client.post("/v1/admin/policies/reload", service.adminKey, new JsonObject()));
      assertDecidedBy("strict", "block", screen(client, service.platformKey));
    }
    try (LocalService again = new LocalService(dir.resolve("run2"), settings); Client client = new Client(vertx, again.port())) {
      assertDecidedBy("strict", "block", screen(client, again.platformKey));
      assertDecidedBy("standard", "review", screen(client, again.otherPlatformKey));
      // and back, by the same route
      ok(choose(client, again.adminKey, new JsonObject().put("strategy", "standard")));
      assertDecidedBy("standard", "review", screen(client, again.platformKey));
    }
  }

  @Test
  void aChoiceThroughOneClusterInstanceDecidesOnTheOtherWithinSeconds(Vertx vertx, SharedKafka kafka, SharedRedis redis)
      throws Exception {
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "strategy-test-" + UUID.randomUUID() + ":",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cluster-strategy-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    try (LocalService first = new LocalService(dir.resolve("one"), cluster, Clock.systemUTC(), null);
         LocalService second = new LocalService(dir.resolve("two"), cluster, Clock.systemUTC(), first);
         Client one = new Client(vertx, first.port());
         Client two = new Client(vertx, second.port())) {
      assertDecidedBy("standard", "review", screen(two, first.platformKey));
      ok(choose(one, first.adminKey, new JsonObject().put("strategy", "strict")));
      long start = System.nanoTime();
      JsonObject answer;
      while (!"strict".equals((answer = screen(two, first.platformKey)).getJsonObject("strategy").getString("id"))) {
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "still " + answer.encode() + " after 5 s");
        Thread.sleep(50);
      }
      assertDecidedBy("strict", "block", answer);
      System.out.println("strategy choice on the other instance after " + (System.nanoTime() - start) / 1_000_000 + " ms");
      assertEquals(answer(LocalService.PLATFORM, "strict"), ok(two.get(path(LocalService.PLATFORM), first.platformKey)));
      assertDecidedBy("standard", "review", screen(two, first.otherPlatformKey));
    }
  }
}
