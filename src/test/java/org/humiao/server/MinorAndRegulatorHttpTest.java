package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.keys.ServerSecrets;
import org.humiao.minor.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Minor mode and the regulators' routes over real HTTP, and the events screening journals. */
class MinorAndRegulatorHttpTest {
  private static final Set<String> REASONS =
      Arrays.stream(ReasonCode.values()).map(ReasonCode::id).collect(Collectors.toSet());
  private static final Set<String> ALLOWING = Set.of(ReasonCode.WITHIN_LIMITS.id(), ReasonCode.ADULT.id());
  /** Blocked by the placeholder lexicons; its masked form is 你个***. */
  private static final String BLOCKED = "你个傻*逼";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  private static LocalDate today() {
    return LocalDate.now(ViolationSummaries.ZONE);
  }

  @Test
  void aTwelveYearOldIsAttestedAuthorizedAndCounted() {
    String idNumber = ResidentIds.residentId(today().minusYears(12).minusDays(30));
    JsonObject attested = ok(app.client().post("/v1/attestations", app.service().platformKey,
        new JsonObject().put("user", "kid").put("kind", "resident-id").put("idNumber", idNumber)));
    assertEquals(new JsonObject().put("accepted", true).put("reason", "attested").put("minor", true), attested);

    JsonObject play = new JsonObject().put("user", "kid").put("session", "s1");
    JsonObject authorized = ok(app.client().post("/v1/play/authorize", app.service().platformKey, play));
    String reason = authorized.getString("reason");
    assertTrue(REASONS.contains(reason), reason);
    assertEquals(ALLOWING.contains(reason), authorized.getBoolean("allowed"), authorized::encode);

    long now = System.currentTimeMillis() / 1000;
    JsonObject beat = ok(app.client().post("/v1/play/heartbeat", app.service().platformKey,
        play.copy().put("from", now - 60).put("to", now)));
    assertTrue(REASONS.contains(beat.getString("reason")), beat::encode);
    assertTrue(Set.of("continue", "stop").contains(beat.getString("action")), beat::encode);
  }

  @Test
  void aPaymentCheckedTwiceWithOneKeyGetsOneAnswer() {
    JsonObject payment = new JsonObject().put("user", "payer").put("amountFen", 1000).put("key", "order-1");
    JsonObject first = ok(app.client().post("/v1/payments/check", app.service().platformKey, payment));
    assertTrue(REASONS.contains(first.getString("reason")), first::encode);
    assertEquals(first, ok(app.client().post("/v1/payments/check", app.service().platformKey, payment)));
  }

  @Test
  void minorModeIsForTheKeysOwnPlatformOnly() {
    JsonObject play = new JsonObject().put("platform", LocalService.PLATFORM).put("user", "u").put("session", "s");
    assertError(app.client().post("/v1/play/authorize", app.service().regulatorKey, play), 403, "forbidden");
    assertError(app.client().post("/v1/play/heartbeat", app.service().regulatorKey, play), 403, "forbidden");
    assertError(app.client().post("/v1/play/authorize", app.service().otherPlatformKey, play), 403, "platform_mismatch");
  }

  @Test
  void badMinorBodiesNameTheirField() {
    JsonObject missing = assertError(app.client().post("/v1/play/authorize", app.service().platformKey,
        new JsonObject().put("user", "u")), 400, "missing_field");
    assertTrue(missing.getString("message").contains("session"), missing::encode);
    assertError(app.client().post("/v1/payments/check", app.service().platformKey,
        new JsonObject().put("user", "u").put("amountFen", "ten").put("key", "k")), 400, "invalid_field");
    assertError(app.client().post("/v1/play/authorize", app.service().platformKey,
        new JsonObject().put("user", "u").put("session", "s").put("service", "casino")), 400, "invalid_field");
    assertError(app.client().post("/v1/attestations", app.service().platformKey,
        new JsonObject().put("user", "u").put("kind", "passport")), 400, "invalid_field");
    // an admin acts for no platform of its own, so it must name one
    assertError(app.client().post("/v1/payments/refund", app.service().adminKey, new JsonObject().put("key", "k")),
        400, "missing_field");
  }

  @Test
  void aBlockedTextIsJournaledOnceWithAPseudonymAndWithoutItsText() {
    ok(app.client().post("/v1/text/screen", app.service().platformKey,
        new JsonObject().put("text", BLOCKED).put("authorId", "author-7").put("region", "110105")));
    ok(app.client().post("/v1/text/screen", app.service().otherPlatformKey, new JsonObject().put("text", BLOCKED)));
    ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", "今天天气不错")));

    String range = "?from=" + today().minusDays(1) + "&to=" + today().plusDays(1);
    JsonArray rows = ok(app.client().get("/v1/regulator/summary" + range + "&groupBy=platform,kind,region",
        app.service().regulatorKey)).getJsonArray("rows");
    assertEquals(1, count(rows, LocalService.PLATFORM, "text_blocked"), rows::encode);
    assertEquals(1, count(rows, "other", "text_blocked"), rows::encode);
    assertTrue(rows.stream().map(JsonObject.class::cast)
        .anyMatch(row -> "110105".equals(row.getString("region"))), rows::encode);

    JsonArray own = ok(app.client().get("/v1/regulator/summary" + range + "&groupBy=platform", app.service().platformKey))
        .getJsonArray("rows");
    assertFalse(own.isEmpty());
    own.forEach(row -> assertEquals(LocalService.PLATFORM, ((JsonObject) row).getString("platform"), own::encode));
    assertError(app.client().get("/v1/regulator/summary" + range + "&platform=other", app.service().platformKey),
        403, "platform_mismatch");

    JsonObject page = ok(app.client().get("/v1/regulator/events?kind=text_blocked&platform=demo", app.service().regulatorKey));
    JsonArray events = page.getJsonArray("events");
    assertEquals(1, events.size(), page::encode);
    assertNull(page.getValue("nextBefore"));
    JsonObject event = events.getJsonObject(0);
    assertEquals("insult", event.getString("category"));
    assertTrue(event.getString("user").startsWith("u_"), event::encode);
    assertFalse(event.encode().contains("author-7"), event::encode);
    assertFalse(event.encode().contains(BLOCKED), event::encode);
    assertEquals("你个***", event.getJsonObject("evidence").getString("masked"));
  }

  private static long count(JsonArray rows, String platform, String kind) {
    return rows.stream().map(JsonObject.class::cast)
        .filter(row -> platform.equals(row.getString("platform")) && kind.equals(row.getString("kind")))
        .mapToLong(row -> row.getLong("events")).sum();
  }

  @Test
  void badQueryParametersAreInvalidFields() {
    // without to, to is today: a from after it is an empty range
    assertError(app.client().get("/v1/regulator/summary?from=2099-12-31", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/summary?from=2026-13-01&to=2026-12-31", app.service().regulatorKey),
        400, "invalid_field");
    assertError(app.client().get("/v1/regulator/summary?from=2026-01-01&to=2026-12-31&groupBy=colour",
        app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/summary?from=2026-01-01&to=2026-12-31&groupBy=day&period=quarter",
        app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events?limit=0", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events?kind=mystery", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events?before=-1", app.service().regulatorKey), 400, "invalid_field");
  }

  @Test
  void quarterlySummariesArePeriodsOfQuarters() {
    String range = "?from=" + today().withDayOfYear(1) + "&to=" + today() + "&period=quarter";
    JsonObject answer = ok(app.client().get("/v1/regulator/summary" + range, app.service().adminKey));
    assertEquals(new JsonArray().add("quarter"), answer.getJsonArray("groupBy"));
    answer.getJsonArray("rows").forEach(row ->
        assertTrue(((JsonObject) row).getString("period").matches("\\d{4}-Q[1-4]"), row::toString));
  }

  @Test
  void theServerSecretsAreMadeOnceAndKeptPrivate() throws Exception {
    Path file = app.dataDir().resolve(ServerSecrets.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    // what the running service made; a restart loads it again and must neither rewrite nor replace it
    String made = Files.readString(file);
    ServerSecrets secrets = ServerSecrets.loadOrCreate(app.dataDir(), new java.security.SecureRandom());
    ServerSecrets again = ServerSecrets.loadOrCreate(app.dataDir(), new java.security.SecureRandom());
    assertEquals(made, Files.readString(file));
    assertTrue(java.util.Arrays.equals(secrets.personKey(), again.personKey()));
    assertTrue(java.util.Arrays.equals(secrets.pseudonymKey(), again.pseudonymKey()));
    assertNotEquals(secrets.toString().length(), 0);
    assertFalse(secrets.toString().contains(java.util.Base64.getEncoder().encodeToString(secrets.personKey())));
  }
}
