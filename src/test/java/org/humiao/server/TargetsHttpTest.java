package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pile-on tracking over real HTTP, on the shipped policies/pileon.json (adults: watch at 8 texts
 * from 5 authors, surge at 20 from 10 within 10 minutes; minors: 4 from 3 and 10 from 5): the
 * answer that crosses a level, the target routes for each role, protection and evidence.
 */
class TargetsHttpTest {
  /** Blocked by the placeholder lexicons; its masked form is 你个***. */
  private static final String ABUSE = "你个傻*逼";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  private static JsonObject screen(String text, String author, String target) {
    return ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", text)
        .put("authorId", author).put("targetId", target)));
  }

  /** {@code count} abusive texts at the target, author i % authors; the answers in order. */
  private static List<JsonObject> pileOn(String target, int count, int authors) {
    List<JsonObject> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(screen(ABUSE, target + "-author-" + (i % authors), target));
    }
    return answers;
  }

  private static JsonArray events(String kind) {
    return ok(app.client().get("/v1/regulator/events?kind=" + kind, app.service().adminKey)).getJsonArray("events");
  }

  @Test
  void theAnswersThatCrossALevelSayItAndTheStatusShowsIt() {
    List<JsonObject> answers = pileOn("victim", 20, 10);
    for (int i = 0; i < answers.size(); i++) {
      JsonObject pileOn = answers.get(i).getJsonObject("pileOn");
      String expected = i == 7 ? "watch" : i == 19 ? "surge" : null;
      assertEquals(expected, pileOn == null ? null : pileOn.getString("level"), "answer " + i);
      if (pileOn != null) {
        assertEquals("victim", pileOn.getString("target"));
      }
    }
    JsonObject status = ok(app.client().get("/v1/targets/victim/status", app.service().platformKey));
    assertEquals("surge", status.getString("level"));
    assertFalse(status.getBoolean("minor"));
    assertEquals(new JsonObject().put("windowMinutes", 10).put("messages", 20).put("authors", 10),
        status.getJsonArray("counts").getJsonObject(0));
    assertEquals(new JsonArray().add("protect_from_strangers").add("protect_from_everyone").add("collect_evidence"),
        status.getJsonArray("suggestions"));
    assertTrue(Instant.parse(status.getString("since")).isBefore(Instant.now().plusSeconds(1)));

    JsonObject surge = events("bullying_surge").stream().map(JsonObject.class::cast)
        .filter(e -> "surge".equals(e.getString("rule")) && e.getJsonObject("evidence").getInteger("messages") == 20)
        .findFirst().orElseThrow();
    assertEquals(3, surge.getInteger("severity"));
    assertFalse(surge.getBoolean("mandatoryReport"));
    assertTrue(surge.getString("user").startsWith("u_"), surge::encode);
  }

  @Test
  void aPlatformSeesOnlyItsOwnTargets() {
    pileOn("shared-name", 8, 5);
    assertEquals("watch", ok(app.client().get("/v1/targets/shared-name/status", app.service().platformKey)).getString("level"));
    JsonObject other = ok(app.client().get("/v1/targets/shared-name/status", app.service().otherPlatformKey));
    assertEquals("none", other.getString("level"));
    assertEquals(0, other.getJsonArray("counts").getJsonObject(0).getInteger("messages"));
    assertEquals(0, ok(app.client().get("/v1/targets/shared-name/evidence", app.service().otherPlatformKey))
        .getJsonArray("entries").size());
    assertError(app.client().get("/v1/targets/shared-name/status?platform=demo", app.service().otherPlatformKey), 403,
        "platform_mismatch");
    assertError(app.client().get("/v1/targets/shared-name/evidence?platform=demo", app.service().otherPlatformKey), 403,
        "platform_mismatch");
    assertError(app.client().post("/v1/targets/shared-name/protection", app.service().otherPlatformKey,
        new JsonObject().put("platform", "demo").put("on", false)), 403, "platform_mismatch");
    assertError(app.client().get("/v1/targets/shared-name/status", app.service().regulatorKey), 403, "forbidden");
    assertError(app.client().get("/v1/targets/shared-name/evidence", app.service().regulatorKey), 403, "forbidden");
    assertError(app.client().get("/v1/targets/shared-name/status", null), 401, "unauthorized");
    assertError(app.client().get("/v1/targets/shared-name/status", app.service().adminKey), 400, "missing_field");
    assertEquals("watch", ok(app.client().get("/v1/targets/shared-name/status?platform=demo", app.service().adminKey))
        .getString("level"));
  }

  @Test
  void aProtectedTargetsAnswersSayProtectedForStrangersOnly() {
    long until = Instant.now().getEpochSecond() + 3600;
    JsonObject on = ok(app.client().post("/v1/targets/shielded/protection", app.service().platformKey,
        new JsonObject().put("on", true).put("until", until).put("scope", "strangers")));
    assertTrue(on.getBoolean("protected"));
    assertEquals("strangers", on.getJsonObject("protection").getString("scope"));
    assertFalse(on.getJsonObject("protection").getBoolean("automatic"));

    JsonObject stranger = ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject()
        .put("text", ABUSE).put("authorId", "s").put("mentions", new JsonArray().add("shielded")).put("relation", "stranger")));
    assertEquals(Boolean.TRUE, stranger.getBoolean("protected"));
    assertEquals("block", stranger.getString("decision"));
    JsonObject friend = ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject()
        .put("text", "今天天气不错").put("authorId", "f").put("targetId", "shielded").put("relation", "friend")));
    assertNull(friend.getValue("protected"));
    JsonObject unknown = screen("今天天气不错", "x", "shielded");
    assertEquals(Boolean.TRUE, unknown.getBoolean("protected"), "no relation given counts as a stranger");

    JsonObject off = ok(app.client().post("/v1/targets/shielded/protection", app.service().platformKey,
        new JsonObject().put("on", false)));
    assertFalse(off.getBoolean("protected"));
    assertNull(screen("今天天气不错", "x", "shielded").getValue("protected"));
  }

  @Test
  void badProtectionAndScreenFieldsAreNamed() {
    String path = "/v1/targets/t/protection";
    long now = Instant.now().getEpochSecond();
    assertError(app.client().post(path, app.service().platformKey, new JsonObject()), 400, "missing_field");
    assertError(app.client().post(path, app.service().platformKey, new JsonObject().put("on", "yes")), 400, "invalid_field");
    assertError(app.client().post(path, app.service().platformKey, new JsonObject().put("on", true)), 400, "missing_field");
    assertError(app.client().post(path, app.service().platformKey, new JsonObject().put("on", true).put("until", now - 10)),
        400, "invalid_field");
    assertError(app.client().post(path, app.service().platformKey, new JsonObject().put("on", true)
        .put("until", now + 31L * 86400)), 400, "invalid_field");
    assertError(app.client().post(path, app.service().platformKey, new JsonObject().put("on", true).put("until", now + 60)
        .put("scope", "followers")), 400, "invalid_field");
    assertError(app.client().post(path, app.service().regulatorKey, new JsonObject().put("on", false)), 403, "forbidden");
    assertError(app.client().get("/v1/targets/t/evidence?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
        app.service().platformKey), 400, "invalid_field");
    assertError(app.client().get("/v1/targets/t/evidence?format=xml", app.service().platformKey), 400, "invalid_field");
    assertError(app.client().get("/v1/targets/t/evidence?to=yesterday", app.service().platformKey), 400, "invalid_field");

    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 21; i++) {
      tooMany.add("u" + i);
    }
    for (JsonObject bad : List.of(new JsonObject().put("mentions", "u1"), new JsonObject().put("mentions", tooMany),
        new JsonObject().put("mentions", new JsonArray().add(7)), new JsonObject().put("relation", "enemy"))) {
      assertError(app.client().post("/v1/text/screen", app.service().platformKey, bad.put("text", "你好")), 400, "invalid_field");
    }
  }

  @Test
  void evidenceListsTheAbuseAimedAtTheTargetAsJsonAndCsv() {
    for (int i = 0; i < 3; i++) {
      ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", ABUSE)
          .put("authorId", "author-" + i).put("mentions", new JsonArray().add("evidenced").add("bystander"))
          .put("dataId", "msg-" + i)));
    }
    screen("今天天气不错", "nice", "evidenced");
    JsonObject evidence = ok(app.client().get("/v1/targets/evidenced/evidence", app.service().platformKey));
    JsonArray entries = evidence.getJsonArray("entries");
    assertEquals(3, entries.size(), evidence::encode);
    JsonObject first = entries.getJsonObject(0);
    assertEquals("msg-0", first.getString("dataId"));
    assertEquals("你个***", first.getString("masked"));
    assertEquals("block", first.getString("decision"));
    assertEquals(new JsonArray().add("insult"), first.getJsonArray("categories"));
    assertTrue(first.getString("author").startsWith("u_"), first::encode);
    assertFalse(evidence.encode().contains("author-0"), "the author's id is never shown");
    assertEquals(3, ok(app.client().get("/v1/targets/bystander/evidence", app.service().platformKey)).getJsonArray("entries").size());
    String future = Instant.now().plusSeconds(3600).toString();
    assertEquals(0, ok(app.client().get("/v1/targets/evidenced/evidence?from=" + future + "&to=" + Instant.now()
        .plusSeconds(7200), app.service().platformKey)).getJsonArray("entries").size());

    HttpResponse<Buffer> csv = app.client().get("/v1/targets/evidenced/evidence?format=csv", app.service().platformKey);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"), csv.getHeader("Content-Type"));
    List<String> lines = csv.bodyAsString().lines().toList();
    assertEquals(List.of("time,dataId,author,decision,categories,masked"), lines.subList(0, 1));
    assertEquals(4, lines.size(), csv::bodyAsString);
    assertTrue(lines.get(1).contains(",msg-0,u_") && lines.get(1).endsWith(",block,insult,你个***"), lines.get(1));
  }

  @Test
  void aMinorInASurgeIsProtectedAutomaticallyAndReportedAtSeverityFour() {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    ok(app.client().post("/v1/attestations", app.service().platformKey, new JsonObject().put("user", "kid")
        .put("kind", "resident-id").put("idNumber", ResidentIds.residentId(today.minusYears(13).minusDays(30)))));
    List<JsonObject> answers = pileOn("kid", 10, 5);
    assertEquals("watch", answers.get(3).getJsonObject("pileOn").getString("level"));
    assertEquals("surge", answers.get(9).getJsonObject("pileOn").getString("level"));
    JsonObject status = ok(app.client().get("/v1/targets/kid/status", app.service().platformKey));
    assertTrue(status.getBoolean("minor"));
    assertEquals("surge", status.getString("level"));
    assertTrue(status.getJsonObject("protection").getBoolean("automatic"), status::encode);
    assertEquals(Boolean.TRUE, screen(ABUSE, "late-stranger", "kid").getBoolean("protected"));

    JsonObject surge = events("bullying_surge").stream().map(JsonObject.class::cast)
        .filter(e -> e.getJsonObject("evidence").getBoolean("minor")).filter(e -> "surge".equals(e.getString("rule")))
        .findFirst().orElseThrow();
    assertEquals(4, surge.getInteger("severity"));
    assertTrue(surge.getBoolean("mandatoryReport"));
    assertTrue(surge.getJsonObject("evidence").getBoolean("protectedAutomatically"));
  }
}
