package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform's own lists through the API on one embedded service: every route, role and error
 * (platform A never reads or changes B's lists, regulators neither), a new block term and allow
 * phrase taking effect on that platform's screen and batch traffic within 5 s and on no other
 * platform's, bad entries refused by index with nothing applied, and the lists kept across a restart.
 */
@ExtendWith(VertxExtension.class)
class PlatformListsHttpTest {
  /** Long enough to be fingerprinted for reposts (8 characters in the shipped policy). */
  static final String CHEAT = "想上分就找科技大师买挂";
  static final String PRODUCT = "我在玩傻逼大作战";
  private static final String A = LocalService.PLATFORM;
  private static final String B = "other";

  @TempDir
  static Path dir;
  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  static String path(String platform, String list) {
    return "/v1/platforms/" + platform + "/lists/" + list;
  }

  static HttpResponse<Buffer> send(Client client, HttpMethod method, String path, String key, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path, key);
    return Client.await(body == null ? request.send() : request.putHeader("Content-Type", Client.JSON).sendBuffer(body.toBuffer()));
  }

  static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  static JsonObject term(String term, String category, int severity, boolean variants) {
    return new JsonObject().put("term", term).put("category", category).put("severity", severity).put("variants", variants);
  }

  static JsonObject entries(Object... entries) {
    return new JsonObject().put("entries", new JsonArray(List.of(entries)));
  }

  static JsonObject screen(Client client, String key, String text) {
    return ok(client.post("/v1/text/screen", key, new JsonObject().put("text", text)));
  }

  /** Screens {@code text} until it is answered {@code decision}, for at most 5 s; the milliseconds it took. */
  static long awaitDecision(Client client, String key, String text, String decision) throws InterruptedException {
    long start = System.nanoTime();
    JsonObject answer;
    while (!(answer = screen(client, key, text)).getString("decision").equals(decision)) {
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited < 5000, () -> text + " is not " + decision + " after " + waited + " ms");
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aNewBlockTermAndAllowPhraseTakeEffectWithinSecondsOnTheirPlatformOnly() throws Exception {
    assertEquals("pass", screen(app.client(), app.service().platformKey, CHEAT).getString("decision"));
    // PRODUCT is not screened before its allow phrase: a blocked text's reposts are blocked on every platform
    long before = ok(app.client().get(path(A, "block"), app.service().platformKey)).getLong("version");

    JsonObject put = ok(send(app.client(), HttpMethod.PUT, path(A, "block"), app.service().platformKey,
        entries(term("科技大师", "fraud", 3, true), term("代练工作室", "anti_addiction_evasion", 2, false))));
    assertEquals(before + 1, put.getLong("version"));
    assertEquals(A, put.getString("platform"));
    assertEquals("block", put.getString("list"));
    assertEquals(2, put.getJsonArray("entries").size());
    JsonObject allow = ok(send(app.client(), HttpMethod.PUT, path(A, "allow"), app.service().platformKey, entries("傻逼大作战")));
    assertEquals(before + 2, allow.getLong("version"));
    assertEquals(new JsonArray().add("傻逼大作战"), allow.getJsonArray("entries"));

    System.out.println("platform term blocking after " + awaitDecision(app.client(), app.service().platformKey, CHEAT, "block") + " ms");
    JsonObject blocked = screen(app.client(), app.service().platformKey, CHEAT);
    JsonObject evidence = blocked.getJsonArray("evidence").getJsonObject(0);
    assertEquals("platform_list", evidence.getString("source"));
    assertEquals("科技大师", evidence.getString("term"));
    assertEquals("fraud", evidence.getString("category"));
    assertEquals("term", blocked.getString("reason"));
    assertEquals("想上分就找****买挂", blocked.getString("masked"));
    // severity 2 decides review, as a shared term of severity 2 does
    assertEquals("review", screen(app.client(), app.service().platformKey, "这里有代练工作室接单").getString("decision"));
    // the allow phrase covers the shared term inside the platform's product name
    awaitDecision(app.client(), app.service().platformKey, PRODUCT, "pass");

    // another platform: neither list applies, not even through the repost fingerprints of A's blocked texts
    assertEquals("pass", screen(app.client(), app.service().otherPlatformKey, CHEAT).getString("decision"));
    JsonObject shared = screen(app.client(), app.service().otherPlatformKey, PRODUCT);
    assertEquals("block", shared.getString("decision"));
    assertEquals("exact", shared.getJsonArray("evidence").getJsonObject(0).getString("source"));

    // the platform's batches too, each item as the single route answers it
    JsonObject batch = ok(app.client().post("/v1/text/screen/batch", app.service().platformKey, new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("text", CHEAT)).add(new JsonObject().put("text", "傻逼大作战新赛季"))
            .add(new JsonObject().put("text", "你个傻逼")))));
    assertEquals(List.of("block", "pass", "block"), batch.getJsonArray("items").stream()
        .map(i -> ((JsonObject) i).getString("decision")).toList());
    JsonObject otherBatch = ok(app.client().post("/v1/text/screen/batch", app.service().otherPlatformKey, new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("text", CHEAT)))));
    assertEquals("pass", otherBatch.getJsonArray("items").getJsonObject(0).getString("decision"));

    // emptied: the shared lexicon alone again
    ok(send(app.client(), HttpMethod.DELETE, path(A, "block"), app.service().platformKey, null));
    ok(send(app.client(), HttpMethod.DELETE, path(A, "allow"), app.service().platformKey, null));
    awaitDecision(app.client(), app.service().platformKey, CHEAT, "pass");
    awaitDecision(app.client(), app.service().platformKey, PRODUCT, "block");
  }

  @Test
  void aVariantSpellingIsMatchedOnlyWhenTheEntryAsksForIt() throws Exception {
    String pinyin = "想上分就找kejidashi买挂";
    ok(send(app.client(), HttpMethod.PUT, path(B, "block"), app.service().otherPlatformKey, entries(term("科技大师", "fraud", 3, false))));
    awaitDecision(app.client(), app.service().otherPlatformKey, CHEAT, "block");
    assertEquals("pass", screen(app.client(), app.service().otherPlatformKey, pinyin).getString("decision"));
    ok(send(app.client(), HttpMethod.PUT, path(B, "block"), app.service().otherPlatformKey, entries(term("科技大师", "fraud", 3, true))));
    awaitDecision(app.client(), app.service().otherPlatformKey, pinyin, "block");
    ok(send(app.client(), HttpMethod.DELETE, path(B, "block"), app.service().otherPlatformKey, null));
  }

  @Test
  void aPlatformReadsAndChangesItsOwnListsOnlyAndRegulatorsNone() {
    String mine = path(A, "allow");
    JsonObject body = entries("王者峡谷");
    JsonObject patch = new JsonObject().put("add", new JsonArray().add("王者峡谷"));
    long version = ok(app.client().get(mine, app.service().platformKey)).getLong("version");
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
      JsonObject sent = method == HttpMethod.PUT ? body : method == HttpMethod.PATCH ? patch : null;
      assertError(send(app.client(), method, mine, app.service().otherPlatformKey, sent), 403, "platform_mismatch");
      assertError(send(app.client(), method, mine, app.service().regulatorKey, sent), 403, "forbidden");
      assertError(send(app.client(), method, mine, null, sent), 401, "unauthorized");
      assertError(send(app.client(), method, path(A, "grey"), app.service().platformKey, sent), 404, "not_found");
    }
    assertEquals(version, ok(app.client().get(mine, app.service().platformKey)).getLong("version"), "nothing was changed");

    // an admin reads and changes any platform's lists; the platform sees the change
    JsonObject byAdmin = ok(send(app.client(), HttpMethod.PATCH, path(B, "allow"), app.service().adminKey, patch));
    assertEquals(B, byAdmin.getString("platform"));
    assertEquals(byAdmin, ok(app.client().get(path(B, "allow"), app.service().otherPlatformKey)));
    assertEquals(byAdmin, ok(app.client().get(path(B, "allow"), app.service().adminKey)));
    assertEquals(new JsonArray(), ok(app.client().get(mine, app.service().platformKey)).getJsonArray("entries"));
    ok(send(app.client(), HttpMethod.DELETE, path(B, "allow"), app.service().adminKey, null));
  }

  @Test
  void patchAddsAndRemovesAndEachChangeIsANewVersion() {
    String list = path(A, "block");
    long v = ok(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, entries(term("外挂群", "fraud", 3, false))))
        .getLong("version");
    JsonObject patched = ok(send(app.client(), HttpMethod.PATCH, list, app.service().platformKey, new JsonObject()
        .put("add", new JsonArray().add(term("刷钻", "fraud", 2, false)).add(term("外挂群", "fraud", 4, true)))));
    assertEquals(v + 1, patched.getLong("version"));
    // sorted by term; the entry already listed was replaced
    assertEquals(new JsonArray().add(term("刷钻", "fraud", 2, false)).add(term("外挂群", "fraud", 4, true)),
        patched.getJsonArray("entries"));
    JsonObject removed = ok(send(app.client(), HttpMethod.PATCH, list, app.service().platformKey, new JsonObject()
        .put("remove", new JsonArray().add("外挂群"))));
    assertEquals(v + 2, removed.getLong("version"));
    assertEquals(new JsonArray().add(term("刷钻", "fraud", 2, false)), removed.getJsonArray("entries"));
    JsonObject cleared = ok(send(app.client(), HttpMethod.DELETE, list, app.service().platformKey, null));
    assertEquals(v + 3, cleared.getLong("version"));
    assertEquals(new JsonArray(), cleared.getJsonArray("entries"));
    assertEquals(cleared, ok(app.client().get(list, app.service().platformKey)));
  }

  @Test
  void badEntriesAreRefusedByIndexAndNothingIsApplied() {
    String list = path(A, "block");
    JsonObject before = ok(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, entries(term("外挂群", "fraud", 3, false))));
    JsonObject error = assertError(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, entries(
        term("科技大师", "fraud", 3, true), term("代练", "cheating", 2, false), term("刷钻", "fraud", 7, false),
        term("科技大师", "insult", 2, false))), 400, "invalid_list_entries");
    assertEquals(List.of(1, 2, 3), error.getJsonArray("entries").stream()
        .map(e -> ((JsonObject) e).getInteger("index")).toList(), error::encode);
    assertTrue(error.getString("message").contains("entries[1]: unknown category 'cheating'"), error::encode);
    JsonObject missing = assertError(send(app.client(), HttpMethod.PATCH, list, app.service().platformKey, new JsonObject()
        .put("add", new JsonArray().add(term("刷钻", "fraud", 2, false))).put("remove", new JsonArray().add("没有的词"))),
        400, "invalid_list_entries");
    assertEquals(new JsonObject().put("field", "remove").put("index", 0).put("problem", "'没有的词' is not in the block list"),
        missing.getJsonArray("entries").getJsonObject(0));
    assertEquals(before, ok(app.client().get(list, app.service().platformKey)), "nothing applied");

    assertError(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, new JsonObject().put("entries", "外挂")), 400, "invalid_field");
    assertError(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, new JsonObject()), 400, "missing_field");
    assertError(send(app.client(), HttpMethod.PUT, list, app.service().platformKey, entries().put("add", new JsonArray())), 400, "invalid_field");
    assertError(send(app.client(), HttpMethod.PATCH, list, app.service().platformKey, new JsonObject()), 400, "missing_field");
    assertError(app.client().post("/v1/text/screen", app.service().platformKey, "text/plain", Buffer.buffer("x")), 415, "unsupported_media_type");
    HttpRequest<Buffer> plain = app.client().request(HttpMethod.PUT, list, app.service().platformKey).putHeader("Content-Type", "text/plain");
    assertError(Client.await(plain.sendBuffer(Buffer.buffer("{}"))), 415, "unsupported_media_type");
    assertError(Client.await(app.client().request(HttpMethod.PUT, list, app.service().platformKey)
        .putHeader("Content-Type", Client.JSON).sendBuffer(Buffer.buffer("{\"entries\":["))), 400, "malformed_json");
    assertEquals(before, ok(app.client().get(list, app.service().platformKey)), "nothing applied");
    ok(send(app.client(), HttpMethod.DELETE, list, app.service().platformKey, null));
  }

  @Test
  void theListsAreKeptAcrossARestart(Vertx vertx) throws Exception {
    Path data = dir.resolve("restart/data");
    JsonObject written;
    try (LocalService first = new LocalService(dir.resolve("restart"), Map.of());
         Client one = new Client(vertx, first.port())) {
      written = ok(send(one, HttpMethod.PUT, path(A, "block"), first.platformKey, entries(term("科技大师", "fraud", 3, true))));
      ok(send(one, HttpMethod.PUT, path(A, "allow"), first.platformKey, entries("傻逼大作战")));
      written = ok(one.get(path(A, "block"), first.platformKey));
    }
    try (LocalService second = new LocalService(dir.resolve("restarted"),
             Map.of(Setting.DATA_DIR, data.toString(), Setting.SHARED_DIR, data.toString()));
         Client two = new Client(vertx, second.port())) {
      assertEquals(written, ok(two.get(path(A, "block"), second.adminKey)));
      assertEquals(new JsonArray().add("傻逼大作战"), ok(two.get(path(A, "allow"), second.adminKey)).getJsonArray("entries"));
      // at once: the lists are read before the service answers
      JsonObject screened = ok(two.post("/v1/text/screen", second.adminKey,
          new JsonObject().put("text", CHEAT).put("platform", A)));
      assertEquals("block", screened.getString("decision"));
    }
  }
}
