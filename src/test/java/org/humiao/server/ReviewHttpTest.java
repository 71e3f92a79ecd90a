package org.humiao.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.keys.Role;
import org.humiao.minor.sim.SettableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review queue over real HTTP, on a clock the test moves: a review decision enters its
 * platform's queue, reviewers claim and resolve under a lease, appeals and reports come in with
 * their priority, each role sees what it may and no platform sees another's, regulators read counts
 * and events but no text, and texts are gone after their retention.
 */
@ExtendWith(VertxExtension.class)
class ReviewHttpTest {
  /** Held for review by the placeholder lexicons (实名小号, anti_addiction_evasion, severity 2, at 4..8). */
  private static final String HELD = "我想买个实名小号";
  private static final Duration LEASE = Duration.ofSeconds(300);
  /** Blocked by the placeholder lexicons: what an appeal may name. */
  private static final String BLOCKED = "你个傻*逼";

  static SettableClock clock = new SettableClock(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(Setting.REVIEW_LEASE_SECONDS, Long.toString(LEASE.toSeconds()),
        Setting.REVIEW_TEXT_RETENTION_HOURS, "72")).clock(clock);
  static String reviewer;
  static String reviewerId;
  static String secondReviewer;
  static String otherReviewer;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    reviewer = app.service().addKey(app.client(), Role.REVIEWER, LocalService.PLATFORM);
    reviewerId = app.service().store.read().stream().filter(k -> k.role() == Role.REVIEWER).toList().get(0).id();
    secondReviewer = app.service().addKey(app.client(), Role.REVIEWER, LocalService.PLATFORM);
    otherReviewer = app.service().addKey(app.client(), Role.REVIEWER, "other");
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private static JsonArray tasks(String query, String key) {
    return ok(app.client().get("/v1/review/tasks" + query, key)).getJsonArray("tasks");
  }

  private static JsonObject screenHeld(String platformKey, String dataId) {
    return ok(app.client().post("/v1/text/screen", platformKey, new JsonObject().put("text", HELD).put("dataId", dataId)));
  }

  /** A text of {@code platform} (null: the key's) blocked under {@code dataId}, journaled as text_blocked. */
  private static void block(String key, String platform, String dataId) {
    JsonObject body = new JsonObject().put("text", BLOCKED).put("dataId", dataId);
    if (platform != null) {
      body.put("platform", platform);
    }
    assertEquals("block", ok(app.client().post("/v1/text/screen", key, body)).getString("decision"));
  }

  private static HttpResponse<Buffer> claim(String id, String key) {
    return claim(id, key, "");
  }

  private static HttpResponse<Buffer> claim(String id, String key, String query) {
    return app.client().post("/v1/review/tasks/" + id + "/claim" + query, key, null, Buffer.buffer());
  }

  private static HttpResponse<Buffer> resolve(String id, String key, JsonObject body) {
    return resolve(id, key, "", body);
  }

  private static HttpResponse<Buffer> resolve(String id, String key, String query, JsonObject body) {
    return app.client().post("/v1/review/tasks/" + id + "/resolve" + query, key, body);
  }

  private static JsonObject taskOf(String dataId, String key) {
    return tasks("?limit=100", key).stream().map(JsonObject.class::cast)
        .filter(t -> dataId.equals(t.getString("dataId"))).findFirst()
        .orElseThrow(() -> new AssertionError("no task of " + dataId));
  }

  @Test
  void aReviewDecisionEntersItsPlatformsQueueOnceWithItsEvidence() {
    String dataId = "msg-" + UUID.randomUUID();
    assertEquals("review", screenHeld(app.service().platformKey, dataId).getString("decision"));
    screenHeld(app.service().platformKey, dataId); // a retry
    ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", "今天一起开黑吗")
        .put("dataId", "msg-pass-" + dataId)));
    List<JsonObject> mine = tasks("?limit=100", reviewer).stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("dataId").contains(dataId)).toList();
    assertEquals(1, mine.size(), "one task for the dataId, none for the passed text: " + mine);
    JsonObject task = mine.get(0);
    assertEquals(HELD, task.getString("text"));
    assertEquals("我想买个****", task.getString("masked"));
    assertEquals("screen", task.getString("kind"));
    assertEquals("open", task.getString("status"));
    assertEquals("term", task.getString("source"));
    assertEquals(new JsonArray().add("anti_addiction_evasion"), task.getJsonArray("categories"));
    JsonObject evidence = task.getJsonArray("evidence").getJsonObject(0);
    assertEquals("实名小号", HELD.substring(evidence.getInteger("start"), evidence.getInteger("end")));
    assertTrue(tasks("?limit=100", otherReviewer).stream().map(JsonObject.class::cast)
        .noneMatch(t -> t.getString("dataId").contains(dataId)), "platform other sees none of demo's tasks");

    ok(app.client().post("/v1/text/screen/batch", app.service().platformKey, new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("text", "今天一起开黑吗").put("dataId", "batch-pass-" + dataId))
        .add(new JsonObject().put("text", HELD).put("dataId", "batch-" + dataId)))));
    assertEquals("screen", taskOf("batch-" + dataId, reviewer).getString("kind"), "a batch item held enters too");
    assertTrue(tasks("?limit=100", reviewer).stream().map(JsonObject.class::cast)
        .noneMatch(t -> t.getString("dataId").equals("batch-pass-" + dataId)));
  }

  @Test
  void everyReadOfATextIsLoggedWithKeyAndTaskButNotTheText() {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    Logger review = (Logger) LoggerFactory.getLogger("humiao.review");
    lines.start();
    review.addAppender(lines);
    try {
      String dataId = "log-" + UUID.randomUUID();
      screenHeld(app.service().platformKey, dataId);
      lines.list.clear();
      String id = taskOf(dataId, reviewer).getString("id");
      ok(app.client().get("/v1/review/tasks/" + id, reviewer));
      List<ILoggingEvent> reads = lines.list.stream().filter(e -> id.equals(field(e, "taskId"))).toList();
      assertEquals(2, reads.size(), "the list and the single read");
      assertEquals(reviewerId, field(reads.get(0), "keyId"));
      assertEquals(reviewerId, field(reads.get(1), "keyId"));
      assertTrue(lines.list.stream().noneMatch(e -> e.getFormattedMessage().contains(HELD)
          || e.getKeyValuePairs().stream().anyMatch(kv -> String.valueOf(kv.value).contains(HELD))));
    } finally {
      review.detachAppender(lines);
    }
  }

  private static Object field(ILoggingEvent e, String key) {
    return e.getKeyValuePairs() == null ? null
        : e.getKeyValuePairs().stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).findFirst().orElse(null);
  }

  @Test
  void eachRoleMaySeeAndDoOnlyItsShare() {
    String dataId = "roles-" + UUID.randomUUID();
    screenHeld(app.service().platformKey, dataId);
    String id = taskOf(dataId, reviewer).getString("id");
    assertError(app.client().get("/v1/review/tasks", app.service().regulatorKey), 403, "forbidden");
    assertError(app.client().get("/v1/review/tasks/" + id, app.service().regulatorKey), 403, "forbidden");
    assertError(claim(id, app.service().regulatorKey), 403, "forbidden");
    assertError(claim(id, app.service().platformKey), 403, "forbidden");
    assertError(app.client().post("/v1/review/reports", reviewer, new JsonObject().put("dataId", "x").put("text", "t")
        .put("reason", "r")), 403, "forbidden");
    assertError(app.client().post("/v1/text/screen", reviewer, new JsonObject().put("text", "你好")), 403, "forbidden");
    // platform other: neither its reviewer nor its platform key reaches demo's task
    assertError(app.client().get("/v1/review/tasks/" + id, otherReviewer), 404, "not_found");
    assertError(app.client().get("/v1/review/tasks/" + id, app.service().otherPlatformKey), 404, "not_found");
    assertError(claim(id, otherReviewer), 404, "not_found");
    assertError(resolve(id, otherReviewer, new JsonObject().put("verdict", "block")), 404, "not_found");
    assertError(app.client().get("/v1/review/tasks?platform=demo", otherReviewer), 403, "platform_mismatch");
    assertError(app.client().get("/v1/review/summary?platform=demo", app.service().otherPlatformKey), 403, "platform_mismatch");
    // the task is untouched, and readable by its own platform and an admin naming it
    assertEquals("open", ok(app.client().get("/v1/review/tasks/" + id, app.service().platformKey)).getString("status"));
    assertEquals(HELD, ok(app.client().get("/v1/review/tasks/" + id + "?platform=demo", app.service().adminKey)).getString("text"));
    assertError(claim(id, app.service().adminKey), 400, "missing_field");
  }

  @Test
  void badRequestsGetTheirCodes() {
    String dataId = "bad-" + UUID.randomUUID();
    screenHeld(app.service().platformKey, dataId);
    String id = taskOf(dataId, reviewer).getString("id");
    assertError(app.client().get("/v1/review/tasks?status=lost", reviewer), 400, "invalid_field");
    assertError(app.client().get("/v1/review/tasks?limit=0", reviewer), 400, "invalid_field");
    assertError(app.client().get("/v1/review/tasks?category=nonsense", reviewer), 400, "invalid_field");
    assertError(app.client().get("/v1/review/tasks/nosuchtask", reviewer), 404, "not_found");
    ok(claim(id, reviewer));
    assertError(resolve(id, reviewer, new JsonObject()), 400, "missing_field");
    assertError(resolve(id, reviewer, new JsonObject().put("verdict", "maybe")), 400, "invalid_field");
    assertError(resolve(id, reviewer, new JsonObject().put("verdict", "block").put("category", "rudeness")), 400,
        "invalid_field");
    assertError(resolve(id, reviewer, new JsonObject().put("verdict", "block").put("addToList", "yes")), 400,
        "invalid_field");
    assertError(app.client().post("/v1/review/tasks/" + id + "/resolve", reviewer, "application/json", Buffer.buffer("{")),
        400, "malformed_json");
    assertError(app.client().post("/v1/review/reports", app.service().platformKey, new JsonObject().put("dataId", "r1")
        .put("text", "内容")), 400, "missing_field");
    assertError(app.client().post("/v1/review/appeals", app.service().platformKey, new JsonObject().put("dataId", "r1")), 400,
        "missing_field");
    assertError(app.client().post("/v1/review/appeals", app.service().platformKey, new JsonObject().put("dataId", "r1")
        .put("text", "内容").put("minor", "yes")), 400, "invalid_field");
  }

  @Test
  void aLapsedLeaseHandsTheTaskToTheNextReviewerAndOnlyTheHolderResolves() {
    String dataId = "lease-" + UUID.randomUUID();
    screenHeld(app.service().platformKey, dataId);
    String id = taskOf(dataId, reviewer).getString("id");
    assertError(resolve(id, reviewer, new JsonObject().put("verdict", "block")), 409, "task_not_claimed");
    JsonObject claimed = ok(claim(id, reviewer));
    assertEquals("claimed", claimed.getString("status"));
    assertEquals(HELD, claimed.getString("text"));
    assertError(claim(id, secondReviewer), 409, "task_claimed");
    assertError(resolve(id, secondReviewer, new JsonObject().put("verdict", "pass")), 409, "task_claimed");
    assertEquals(1, tasks("?status=claimed&limit=100", reviewer).stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(id)).count());

    clock.set(clock.instant().plus(LEASE));
    assertEquals("open", ok(app.client().get("/v1/review/tasks/" + id, reviewer)).getString("status"), "the lease ended");
    assertEquals("claimed", ok(claim(id, secondReviewer)).getString("status"));
    assertError(resolve(id, reviewer, new JsonObject().put("verdict", "pass")), 409, "task_claimed");

    clock.set(clock.instant().plusSeconds(60));
    JsonObject resolved = ok(resolve(id, secondReviewer, new JsonObject().put("verdict", "block")
        .put("note", "卖号").put("addToList", new JsonObject().put("list", "block").put("term", "实名小号"))));
    assertEquals("resolved", resolved.getString("status"));
    assertEquals("confirmed", resolved.getJsonObject("resolution").getString("outcome"));
    assertEquals("anti_addiction_evasion", resolved.getJsonObject("resolution").getString("category"));
    assertTrue(resolved.getBoolean("listed"), resolved::encode);
    // the reviewer's term is in the platform's block list and blocks its texts from now on
    JsonObject blockList = ok(app.client().get("/v1/platforms/demo/lists/block", app.service().platformKey));
    assertTrue(blockList.getJsonArray("entries").stream().map(JsonObject.class::cast)
        .anyMatch(e -> "实名小号".equals(e.getString("term")) && "anti_addiction_evasion".equals(e.getString("category"))),
        blockList::encode);
    JsonObject rescreened = ok(app.client().post("/v1/text/screen", app.service().platformKey,
        new JsonObject().put("text", "出售实名小号，私聊")));
    assertEquals("block", rescreened.getString("decision"), rescreened::encode);
    assertEquals("platform_list", rescreened.getJsonArray("evidence").getJsonObject(0).getString("source"),
        rescreened::encode);
    // the other tests of this class screen the same held text
    ok(PlatformListsHttpTest.send(app.client(), HttpMethod.DELETE, "/v1/platforms/demo/lists/block", app.service().adminKey, null));
    assertError(resolve(id, secondReviewer, new JsonObject().put("verdict", "pass")), 409, "task_resolved");
    assertError(claim(id, reviewer), 409, "task_resolved");

    // the regulators' event: the verdict and what it was about, never the text
    JsonObject event = ok(app.client().get("/v1/regulator/events?platform=demo&kind=review_confirmed", app.service().regulatorKey))
        .getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> dataId.equals(e.getString("dataId"))).findFirst().orElseThrow();
    assertEquals("anti_addiction_evasion", event.getString("category"));
    assertEquals(360, event.getJsonObject("evidence").getLong("handlingSeconds"));
    assertFalse(event.encode().contains(HELD), event::encode);
    assertTrue(ok(app.client().get("/v1/regulator/summary?groupBy=kind&platform=demo", app.service().regulatorKey))
        .getJsonArray("rows").stream().map(JsonObject.class::cast)
        .anyMatch(r -> "review_confirmed".equals(r.getString("kind")) && r.getLong("events") >= 1));
  }

  @Test
  void reportsConcerningAMinorComeFirstThenAppealsThenTheRest() {
    String run = UUID.randomUUID().toString();
    String platform = "order-" + run.substring(0, 8);
    String key = app.service().adminKey;
    ok(app.client().post("/v1/text/screen", key, new JsonObject().put("text", HELD).put("platform", platform)
        .put("dataId", "s-" + run)));
    clock.set(clock.instant().plusSeconds(1));
    JsonObject report = ok(app.client().post("/v1/review/reports", key, new JsonObject().put("platform", platform)
        .put("dataId", "r-" + run).put("text", "他天天骂人").put("reason", "辱骂").put("reportedUser", "u9")));
    block(key, platform, "a-" + run);
    clock.set(clock.instant().plusSeconds(1));
    JsonObject appeal = ok(app.client().post("/v1/review/appeals", key, new JsonObject().put("platform", platform)
        .put("dataId", "a-" + run).put("text", "我只是说了句玩笑").put("userId", "u1")));
    clock.set(clock.instant().plusSeconds(1));
    JsonObject minorReport = ok(app.client().post("/v1/review/reports", key, new JsonObject().put("platform", platform)
        .put("dataId", "m-" + run).put("text", "加我微信给你发福利").put("reason", "诱导").put("reporterMinor", true)));
    assertEquals(List.of(3, 2, 1), List.of(minorReport.getInteger("priority"), appeal.getInteger("priority"),
        report.getInteger("priority")));
    List<String> order = tasks("?platform=" + platform, key).stream().map(JsonObject.class::cast)
        .map(t -> t.getString("dataId")).toList();
    assertEquals(List.of("m-" + run, "a-" + run, "s-" + run, "r-" + run), order, "priority first, then oldest");
    assertEquals(List.of("a-" + run), tasks("?kind=appeal&platform=" + platform, key).stream()
        .map(JsonObject.class::cast).map(t -> t.getString("dataId")).toList());
    assertEquals(2, ok(app.client().get("/v1/review/tasks?platform=" + platform + "&limit=2", key)).getInteger("next"));
    assertEquals(report.getString("id"), ok(app.client().post("/v1/review/reports", key, new JsonObject()
        .put("platform", platform).put("dataId", "r-" + run).put("text", "again").put("reason", "again")))
        .getString("id"), "a second report of the same content is the same task");
  }

  @Test
  void anAppealMustNameContentItsPlatformHadBlocked() {
    String dataId = "appeal-" + UUID.randomUUID();
    JsonObject appeal = new JsonObject().put("dataId", dataId).put("text", "我没有骂人").put("userId", "u1");
    assertError(app.client().post("/v1/review/appeals", app.service().platformKey, appeal), 409, "not_blocked");
    // held for review is not blocked
    screenHeld(app.service().platformKey, dataId);
    assertError(app.client().post("/v1/review/appeals", app.service().platformKey, appeal), 409, "not_blocked");
    // another platform's block of the same dataId is not this platform's
    block(app.service().otherPlatformKey, null, dataId);
    assertError(app.client().post("/v1/review/appeals", app.service().platformKey, appeal), 409, "not_blocked");
    assertTrue(tasks("?kind=appeal&limit=100", reviewer).stream().map(JsonObject.class::cast)
        .noneMatch(t -> dataId.equals(t.getString("dataId"))), "a refused appeal is not queued");

    // (the same dataId again would be the held text's retry: one content id, one event)
    String blocked = dataId + "-blocked";
    block(app.service().platformKey, null, blocked);
    JsonObject receipt = ok(app.client().post("/v1/review/appeals", app.service().platformKey, appeal.copy().put("dataId", blocked)));
    assertEquals("appeal", receipt.getString("kind"));
    assertEquals(2, receipt.getInteger("priority"));
  }

  @Test
  void regulatorsCountAppealsOverturnedAndReportsHandledInTime() {
    String platform = "counts-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = app.service().adminKey;
    block(admin, platform, "a1");
    String appeal = ok(app.client().post("/v1/review/appeals", admin, new JsonObject().put("platform", platform)
        .put("dataId", "a1").put("text", "申诉内容").put("minor", true))).getString("id");
    String slow = ok(app.client().post("/v1/review/reports", admin, new JsonObject().put("platform", platform)
        .put("dataId", "r1").put("text", "举报内容").put("reason", "骚扰"))).getString("id");
    String fast = ok(app.client().post("/v1/review/reports", admin, new JsonObject().put("platform", platform)
        .put("dataId", "r2").put("text", "举报内容二").put("reason", "骚扰"))).getString("id");
    String q = "?platform=" + platform;
    clock.set(clock.instant().plus(Duration.ofHours(1)));
    ok(claim(fast, admin, q));
    ok(resolve(fast, admin, q, new JsonObject().put("verdict", "block").put("category", "sexual_harassment")));
    ok(claim(appeal, admin, q));
    ok(resolve(appeal, admin, q, new JsonObject().put("verdict", "pass")));
    clock.set(clock.instant().plus(Duration.ofHours(30)));
    ok(claim(slow, admin, q));
    ok(resolve(slow, admin, q, new JsonObject().put("verdict", "pass")));

    JsonObject kinds = ok(app.client().get("/v1/review/summary" + q, app.service().regulatorKey)).getJsonObject("kinds");
    JsonObject appeals = kinds.getJsonObject("appeal");
    assertEquals(1, appeals.getLong("overturned"));
    assertEquals(1, appeals.getLong("minor"));
    JsonObject reports = kinds.getJsonObject("report");
    assertEquals(2, reports.getLong("resolved"));
    assertEquals(1, reports.getLong("confirmed"));
    assertEquals(1, reports.getLong("handledInTime"), "one report in 1 h, one in 31 h, against 24 h");
    assertEquals(2, ok(app.client().get("/v1/review/summary" + q + "&withinHours=48", app.service().regulatorKey))
        .getJsonObject("kinds").getJsonObject("report").getLong("handledInTime"));
    assertEquals(0, kinds.getJsonObject("screen").getLong("open"));
    assertFalse(kinds.encode().contains("举报内容"));
  }

  @Test
  void aTextIsGoneFromAnswersAndFromTheDiskAfterItsRetention() throws Exception {
    String dataId = "keep-" + UUID.randomUUID();
    String text = "退休金" + dataId; // unique on disk
    block(app.service().platformKey, null, dataId);
    String id = ok(app.client().post("/v1/review/appeals", app.service().platformKey, new JsonObject().put("dataId", dataId)
        .put("text", text))).getString("id");
    ok(claim(id, reviewer));
    ok(resolve(id, reviewer, new JsonObject().put("verdict", "pass")));
    Path file = app.dataDir().resolve(ServiceState.REVIEW_DIR).resolve("tasks.jsonl");
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains(text));

    clock.set(clock.instant().plus(Duration.ofHours(72)).minusSeconds(1));
    assertEquals(text, ok(app.client().get("/v1/review/tasks/" + id, reviewer)).getString("text"), "kept for 72 h");
    clock.set(clock.instant().plusSeconds(1));
    JsonObject gone = ok(app.client().get("/v1/review/tasks/" + id, reviewer));
    assertNull(gone.getString("text"));
    assertEquals("overturned", gone.getJsonObject("resolution").getString("outcome"), "the record stays");
    assertTrue(app.service().service.components().reviews().dropExpiredTexts() >= 1);
    assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains(text), "and it left the disk");
  }
}
