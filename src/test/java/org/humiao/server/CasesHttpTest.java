package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.humiao.minor.sim.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.humiao.server.Client.assertError;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mandatory-report cases over HTTP on the embedded profile: a mandatory-report event opens a case,
 * regulators of its region (and above) see it and take its steps, others do not, and its history
 * survives a restart.
 */
@ExtendWith(VertxExtension.class)
class CasesHttpTest {
  /** A threat at severity 4 in the placeholder lexicons: a mandatory report. */
  static final String THREAT = "我要杀了你";

  @TempDir
  Path dir;

  @Test
  void aMandatoryReportOpensACaseThatRegulatorsInScopeFollowUpAndThatSurvivesARestart(Vertx vertx) throws Exception {
    LocalService service = new LocalService(dir, Map.of());
    String county = regulator(service, "530502");
    String city = regulator(service, "530500");
    String elsewhere = regulator(service, "513230");
    String caseId;
    JsonObject closed;
    try (Client client = new Client(vertx, service.port())) {
      eventually(() -> client.get("/v1/cases", elsewhere).statusCode() == 200, "the new keys are loaded");
      JsonObject screened = ok(client.post("/v1/text/screen", service.platformKey, new JsonObject()
          .put("text", THREAT).put("region", "530502").put("authorId", "kid-7").put("dataId", "msg-42")));
      assertEquals("block", screened.getString("decision"), screened::encode);
      eventually(() -> ok(client.get("/v1/cases", county)).getJsonArray("cases").size() == 1, "the case is opened");

      JsonObject opened = ok(client.get("/v1/cases", service.regulatorKey)).getJsonArray("cases").getJsonObject(0);
      caseId = opened.getString("id");
      assertEquals("new", opened.getString("status"));
      assertEquals("530502", opened.getString("region"));
      assertEquals("threat", opened.getString("category"));
      assertEquals("msg-42", opened.getString("dataId"));
      assertTrue(opened.getString("user").startsWith("u_"), "a pseudonym: " + opened.getString("user"));
      assertFalse(opened.encode().contains(THREAT) || opened.encode().contains("kid-7"), "no text, no user id");
      assertFalse(opened.getBoolean("overdue"));
      assertEquals(1, ok(client.get("/v1/cases?status=new", city)).getJsonArray("cases").size(), "the city sees it");
      assertEquals(0, ok(client.get("/v1/cases?status=closed", city)).getJsonArray("cases").size());

      assertEquals(0, ok(client.get("/v1/cases", elsewhere)).getJsonArray("cases").size(), "another county does not");
      assertError(client.get("/v1/cases/" + caseId, elsewhere), 404, "not_found");
      assertError(client.post("/v1/cases/" + caseId + "/actions", elsewhere, step("acknowledged")), 404, "not_found");
      assertError(client.get("/v1/cases", service.platformKey), 403, "forbidden");
      assertError(client.post("/v1/cases/" + caseId + "/actions", service.platformKey, step("acknowledged")), 403,
          "forbidden");

      assertError(client.post("/v1/cases/" + caseId + "/actions", county, step("closed")), 409, "case_conflict");
      ok(client.post("/v1/cases/" + caseId + "/actions", county, step("acknowledged").put("note", "已联系平台")));
      assertError(client.post("/v1/cases/" + caseId + "/actions", county, step("referred")), 400, "invalid_field");
      assertError(client.post("/v1/cases/" + caseId + "/actions", county, step("referred").put("agency", "police")),
          400, "invalid_field");
      assertError(client.post("/v1/cases/" + caseId + "/actions", county, step("referred")
          .put("agency", "public_security").put("note", "身份证 " + ResidentIds.residentId(LocalDate.of(2012, 5, 1)))),
          400, "invalid_field");
      JsonObject referred = ok(client.post("/v1/cases/" + caseId + "/actions", city, step("referred")
          .put("agency", "public_security").put("note", "转介县公安局")));
      assertEquals("public_security", referred.getString("agency"));
      closed = ok(client.post("/v1/cases/" + caseId + "/actions", county, step("closed")));
      JsonArray history = closed.getJsonArray("history");
      assertEquals(4, history.size(), history::encode);
      assertEquals("humiao", history.getJsonObject(0).getString("by"));
      assertEquals(keyId(service, county), history.getJsonObject(1).getString("by"));
      assertEquals(keyId(service, city), history.getJsonObject(2).getString("by"));
      assertEquals("转介县公安局", history.getJsonObject(2).getString("note"));
      assertTrue(closed.getValue("deadline") == null && !closed.getBoolean("overdue"));
    }
    service.close();
    assertFalse(Files.readString(dir.resolve("data/cases/cases.log")).contains(THREAT), "the log holds no text");

    LocalService restarted = new LocalService(dir, Map.of(), Clock.systemUTC(), service);
    try (Client client = new Client(vertx, restarted.port())) {
      assertEquals(closed.getJsonArray("history"), ok(client.get("/v1/cases/" + caseId, county)).getJsonArray("history"),
          "the history after a restart");
      assertEquals(1, ok(client.get("/v1/cases", service.regulatorKey)).getJsonArray("cases").size(),
          "the journal's replay on start opens no second case");
    } finally {
      restarted.close();
    }
  }

  /**
   * What the console's 已超期 shows: a case not acknowledged within its 24 hours is {@code overdue}
   * on the routes the console reads, and an acknowledgement starts the next step's 72 hours.
   */
  @Test
  void aCaseNotAcknowledgedWithinADayIsOverdueUntilItsNextStep(Vertx vertx) throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-12-09T02:00:00Z"), ZoneOffset.UTC);
    try (LocalService service = new LocalService(dir, Map.of(), clock, null);
         Client client = new Client(vertx, service.port())) {
      ok(client.post("/v1/text/screen", service.platformKey, new JsonObject().put("text", THREAT)
          .put("region", "530502").put("dataId", "msg-late")));
      eventually(() -> ok(client.get("/v1/cases", service.regulatorKey)).getJsonArray("cases").size() == 1,
          "the case is opened");
      JsonObject opened = ok(client.get("/v1/cases", service.regulatorKey)).getJsonArray("cases").getJsonObject(0);
      String path = "/v1/cases/" + opened.getString("id");
      Instant deadline = Instant.parse(opened.getString("opened")).plus(Duration.ofHours(24));
      assertEquals(deadline.toString(), opened.getString("deadline"));

      clock.set(deadline);
      assertFalse(ok(client.get(path, service.regulatorKey)).getBoolean("overdue"), "due, not yet overdue");
      assertEquals(0, ok(client.get("/v1/cases?overdue=true", service.regulatorKey)).getJsonArray("cases").size());

      clock.set(deadline.plusSeconds(1));
      assertTrue(ok(client.get(path, service.regulatorKey)).getBoolean("overdue"), "a second past the deadline");
      JsonArray overdue = ok(client.get("/v1/cases?overdue=true", service.regulatorKey)).getJsonArray("cases");
      assertEquals(1, overdue.size(), overdue::encode);
      assertTrue(overdue.getJsonObject(0).getBoolean("overdue"));
      assertEquals(0, ok(client.get("/v1/cases?overdue=false", service.regulatorKey)).getJsonArray("cases").size());

      JsonObject acknowledged = ok(client.post(path + "/actions", service.regulatorKey, step("acknowledged")));
      assertFalse(acknowledged.getBoolean("overdue"), acknowledged::encode);
      assertEquals(deadline.plusSeconds(1).plus(Duration.ofHours(72)).toString(), acknowledged.getString("deadline"));
      clock.set(deadline.plusSeconds(2).plus(Duration.ofHours(72)));
      assertTrue(ok(client.get(path, service.regulatorKey)).getBoolean("overdue"), "the acknowledged step's 72 hours");
    }
  }

  static JsonObject step(String status) {
    return new JsonObject().put("status", status);
  }

  static String regulator(LocalService service, String region) {
    IssuedKey key = service.issuer.issue(Role.REGULATOR, null, region);
    service.store.add(key.stored());
    return key.secret();
  }

  private static String keyId(LocalService service, String secret) {
    return new org.humiao.keys.KeyRing(service.store.read()).find(secret).orElseThrow().id();
  }

  static JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }
}
