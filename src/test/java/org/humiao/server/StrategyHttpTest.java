package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strategies over HTTP: each answer names the strategy that decided; a platform assigned
 * {@code strict} in policies/strategies/assignments.json is decided by it after the admin's policy
 * reload while another platform keeps {@code standard}; a broken strategy file is refused with the
 * file and field named and the strategies in force stay.
 */
@ExtendWith(VertxExtension.class)
class StrategyHttpTest {
  private static final String SCREEN = "/v1/text/screen";
  private static final String RELOAD = "/v1/admin/policies/reload";
  /** Insult of severity 2: review under standard, block under strict. */
  private static final String MODERATE = "脑残";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static Path strategies;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    strategies = app.service().policies.resolve("strategies");
  }

  private static JsonObject screen(String key, String text, String scene) {
    HttpResponse<Buffer> r = app.client().post(SCREEN, key, new JsonObject().put("text", text).put("scene", scene));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static void assertDecidedBy(String strategy, int version, String decision, JsonObject answer) {
    assertEquals(new JsonObject().put("id", strategy).put("version", version), answer.getJsonObject("strategy"),
        answer::encode);
    assertEquals(decision, answer.getString("decision"), answer::encode);
  }

  private static void assign(String json) throws Exception {
    Files.writeString(strategies.resolve("assignments.json"), json);
    HttpResponse<Buffer> r = app.client().post(RELOAD, app.service().adminKey, new JsonObject());
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  @Test
  void theAssignedPlatformGetsStrictAndAnotherStandardUntilABrokenFileIsRefused() throws Exception {
    assertDecidedBy("standard", 1, "review", screen(app.service().platformKey, MODERATE, "chat"));
    // the scene changes the decision: a mild insult passes in chat and blocks as a nickname
    assertDecidedBy("standard", 1, "pass", screen(app.service().otherPlatformKey, "菜鸡", "chat"));
    assertDecidedBy("standard", 1, "block", screen(app.service().otherPlatformKey, "菜鸡", "nickname"));

    String shipped = Files.readString(strategies.resolve("assignments.json"));
    assign("{\"default\": \"standard\", \"platforms\": {\"" + LocalService.PLATFORM + "\": \"strict\"}}");
    try {
      assertDecidedBy("strict", 1, "block", screen(app.service().platformKey, MODERATE, "chat"));
      assertDecidedBy("standard", 1, "review", screen(app.service().otherPlatformKey, MODERATE, "chat"));
      // an admin key acting for the platform, and every item of a batch, are decided the same way
      HttpResponse<Buffer> admin = app.client().post(SCREEN, app.service().adminKey,
          new JsonObject().put("text", MODERATE).put("platform", LocalService.PLATFORM));
      assertDecidedBy("strict", 1, "block", admin.bodyAsJsonObject());
      JsonArray items = new JsonArray().add(new JsonObject().put("text", MODERATE)).add(new JsonObject().put("text", "菜鸡"));
      JsonObject batch = app.client().post(SCREEN + "/batch", app.service().platformKey, new JsonObject().put("items", items))
          .bodyAsJsonObject();
      assertDecidedBy("strict", 1, "block", batch.getJsonArray("items").getJsonObject(0));
      assertDecidedBy("strict", 1, "review", batch.getJsonArray("items").getJsonObject(1));

      Path strict = strategies.resolve("strict.json");
      String good = Files.readString(strict);
      Files.writeString(strict, good.replaceFirst("\"blockSeverity\": 2", "\"blockSeverity\": 5"));
      JsonObject error = assertError(app.client().post(RELOAD, app.service().adminKey, new JsonObject()), 422, "policy_invalid");
      String message = error.getString("message");
      assertTrue(message.contains(strict + ": scenes.chat.blockSeverity: 5 is not an integer from 1 to 4"), message);
      assertDecidedBy("strict", 1, "block", screen(app.service().platformKey, MODERATE, "chat"));

      Files.writeString(strict, good.replaceFirst("\"version\": 1", "\"version\": 2"));
      assertEquals(200, app.client().post(RELOAD, app.service().adminKey, new JsonObject()).statusCode());
      assertDecidedBy("strict", 2, "block", screen(app.service().platformKey, MODERATE, "chat"));
    } finally {
      Files.writeString(strategies.resolve("strict.json"), Files.readString(Path.of("policies/strategies/strict.json")));
      assign(shipped);
    }
    assertDecidedBy("standard", 1, "review", screen(app.service().platformKey, MODERATE, "chat"));
  }
}
