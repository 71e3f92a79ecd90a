package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.server.Abuse.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Abuse.assertSane;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Platform A (demo) against platform B (other) over real HTTP: A's key can neither read nor
 * change B's data, regulators cannot write, and under a storm of abusive requests every blocked
 * text is journaled exactly once before it is answered.
 */
@ExtendWith(VertxExtension.class)
class TenantIsolationTest {
  private static final String B = "other";
  /** Blocked by the placeholder lexicons. */
  private static final String BLOCKED = "你个傻*逼";
  private static final int BLOCKED_TEXTS = 40;

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(
        Setting.RATE_LIMIT_PER_SECOND, "100000",
        Setting.RATE_LIMIT_BURST, "100000"));
  static List<Endpoint> endpoints;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    endpoints = Abuse.endpoints("tenant-user", System.currentTimeMillis() / 1000);
  }

  private static String range() {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
  }

  @Test
  void aPlatformKeyCannotActForAnotherPlatformOnAnyRoute() {
    // a batch names platforms per item, below
    for (Endpoint e : endpoints.stream()
        .filter(e -> e.fields().stream().anyMatch(f -> f.name().equals("platform"))).toList()) {
      Buffer naming = e.with("platform", "\"" + B + "\"");
      assertError(app.client().post(e.path(), app.service().platformKey, Client.JSON, naming), 403, "platform_mismatch");
    }
    JsonObject batch = new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("text", "你好"))
        .add(new JsonObject().put("text", "你好").put("platform", B)));
    assertError(app.client().post(Abuse.BATCH, app.service().platformKey, batch), 403, "platform_mismatch");
    for (String route : List.of("/v1/regulator/summary?" + range() + "&platform=" + B, "/v1/regulator/events?platform=" + B)) {
      assertError(app.client().get(route, app.service().platformKey), 403, "platform_mismatch");
    }
  }

  @Test
  void regulatorKeysCannotWrite() {
    for (Endpoint e : endpoints) {
      assertError(app.client().post(e.path(), app.service().regulatorKey, Client.JSON, e.valid().toBuffer()), 403, "forbidden");
    }
    assertError(app.client().post(Abuse.RELOAD, app.service().regulatorKey, Client.JSON, Buffer.buffer("{}")), 403, "forbidden");
  }

  /** Payment keys and guardian controls are scoped by platform: A guessing B's names reaches nothing of B's. */
  @Test
  void aPlatformCannotRefundOrControlAnotherPlatformsUser() {
    String user = "b-kid";
    ok(app.client().post("/v1/attestations", app.service().otherPlatformKey, new JsonObject().put("user", user)
        .put("kind", "resident-id").put("idNumber", Abuse.residentId(LocalDate.now().minusYears(12).minusDays(40)))));
    JsonObject payment = new JsonObject().put("user", user).put("amountFen", 100).put("key", "order-b-1");
    assertEquals("within_limits", ok(app.client().post("/v1/payments/check", app.service().otherPlatformKey, payment)).getString("reason"));

    JsonObject refund = new JsonObject().put("key", "order-b-1");
    JsonObject byA = ok(app.client().post("/v1/payments/refund", app.service().platformKey, refund));
    assertEquals(false, byA.getBoolean("refunded"), byA::encode);
    assertEquals("unknown_payment", byA.getString("reason"), byA::encode);

    JsonObject ban = new JsonObject().put("user", user).put("paymentBan", true);
    assertEquals("unknown_person", ok(app.client().post("/v1/guardian/controls", app.service().platformKey, ban)).getString("reason"));
    JsonObject next = payment.copy().put("key", "order-b-2");
    assertEquals("within_limits", ok(app.client().post("/v1/payments/check", app.service().otherPlatformKey, next)).getString("reason"),
        "A's guardian controls did not reach B's user");

    JsonObject byB = ok(app.client().post("/v1/payments/refund", app.service().otherPlatformKey, refund));
    assertEquals("refunded", byB.getString("reason"), byB::encode);
  }

  @Test
  void everyBlockedTextIsJournaledOnceForItsPlatformWhileAbuseGoesOn() {
    Random random = new Random(7);
    List<Future<HttpResponse<Buffer>>> abuse = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> blocked = new ArrayList<>();
    for (int i = 0; i < BLOCKED_TEXTS; i++) {
      for (int j = 0; j < 5; j++) {
        Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
        byte[] body = e.valid().toBuffer().getBytes();
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        abuse.add(app.client().request(HttpMethod.POST, e.path(), app.service().platformKey)
            .putHeader("Content-Type", Client.JSON).sendBuffer(Buffer.buffer(body)));
      }
      blocked.add(app.client().request(HttpMethod.POST, Abuse.SCREEN, app.service().otherPlatformKey)
          .sendJsonObject(new JsonObject().put("text", BLOCKED).put("authorId", "author-" + i)));
    }
    for (Future<HttpResponse<Buffer>> f : blocked) {
      assertEquals("block", ok(Client.await(f)).getString("decision"));
    }
    for (Future<HttpResponse<Buffer>> f : abuse) {
      assertSane(Client.await(f), "abuse");
    }

    JsonArray rows = ok(app.client().get("/v1/regulator/summary?" + range() + "&groupBy=platform,kind", app.service().regulatorKey))
        .getJsonArray("rows");
    long counted = rows.stream().map(JsonObject.class::cast)
        .filter(r -> B.equals(r.getString("platform")) && "text_blocked".equals(r.getString("kind")))
        .mapToLong(r -> r.getLong("events")).sum();
    assertEquals(BLOCKED_TEXTS, counted, rows::encode);

    JsonArray listed = ok(app.client().get("/v1/regulator/events?kind=text_blocked&limit=1000&platform=" + B,
        app.service().regulatorKey)).getJsonArray("events");
    assertEquals(BLOCKED_TEXTS, listed.size());
    assertEquals(BLOCKED_TEXTS, listed.stream().map(e -> ((JsonObject) e).getString("user")).distinct().count(),
        "one event per author: none lost, none doubled");
    listed.forEach(e -> assertEquals(B, ((JsonObject) e).getString("platform")));

    // A's own listing holds only A's events, and none of B's
    JsonArray own = ok(app.client().get("/v1/regulator/events?limit=1000", app.service().platformKey)).getJsonArray("events");
    own.forEach(e -> assertEquals(LocalService.PLATFORM, ((JsonObject) e).getString("platform")));
    assertFalse(own.stream().anyMatch(e -> listed.contains(e)));
    assertTrue(ok(app.client().get("/v1/regulator/summary?" + range() + "&groupBy=platform", app.service().platformKey))
        .getJsonArray("rows").stream().allMatch(r -> LocalService.PLATFORM.equals(((JsonObject) r).getString("platform"))));
  }
}
