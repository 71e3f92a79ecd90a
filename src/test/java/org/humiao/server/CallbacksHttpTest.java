package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.callbacks.AlertSignature;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Platform callbacks for pile-on alerts over real HTTP, to a local receiver: registration and its
 * roles, the signature a receiver checks with the secret it was shown once, a receiver that fails
 * at first, and alerts left in the outbox by a stopped service delivered after its restart.
 */
@ExtendWith(VertxExtension.class)
class CallbacksHttpTest {
  /** Blocked by the placeholder lexicons. */
  private static final String ABUSE = "你个傻*逼";
  private static final String PATH = "/v1/platforms/demo/callbacks";
  /** Short pauses, so retries take milliseconds here. */
  private static final Map<Setting, String> FAST = Map.of(Setting.CALLBACK_BACKOFF_MS, "50",
      Setting.CALLBACK_MAX_BACKOFF_MS, "200", Setting.CALLBACK_TIMEOUT_MS, "2000");

  @TempDir
  static Path dir;
  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(FAST);

  private static HttpResponse<Buffer> send(Client c, HttpMethod method, String path, String key, JsonObject body) {
    return PlatformListsHttpTest.send(c, method, path, key, body);
  }

  /** Eight abusive texts from five authors: the adult watch level of the shipped policy. */
  private static void raiseWatch(Client c, String key, String target) {
    for (int i = 0; i < 8; i++) {
      ok(c.post("/v1/text/screen", key, new JsonObject().put("text", ABUSE).put("authorId", target + "-a" + (i % 5))
          .put("targetId", target).put("dataId", target + "-" + i)));
    }
  }

  /**
   * What a receiver does, as docs/pileon.md tells it (written here again, not the service's code):
   * HMAC-SHA256 under the secret of the timestamp header, a dot and the body, in hex after "sha256=".
   */
  private static void assertSigned(AlertReceiver.Received r, String secret) throws Exception {
    String timestamp = r.headers().get("X-Humiao-Timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body().getBytes())),
        r.headers().get("X-Humiao-Signature"));
    assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60, timestamp);
  }

  /** The value of the first sample line starting with {@code prefix} (a name, or a name and its first tags). */
  private static double metric(String prefix) {
    String text = app.client().get("/metrics", null).bodyAsString();
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow(() -> new AssertionError(prefix));
  }

  @Test
  void aRegisteredCallbackGetsEachLevelSignedWithTheSecretShownOnce(Vertx vertx) throws Exception {
    try (AlertReceiver receiver = new AlertReceiver(vertx)) {
      JsonObject registered = ok(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey,
          new JsonObject().put("url", receiver.url())));
      String secret = registered.getString("secret");
      assertEquals(64, secret.length(), registered::encode);
      JsonObject read = ok(app.client().get(PATH, app.service().platformKey));
      assertEquals(receiver.url(), read.getString("url"));
      assertNull(read.getString("secret"), "the secret is shown once only");

      raiseWatch(app.client(), app.service().platformKey, "signed-target");
      AlertReceiver.Received alert = receiver.awaitAccepted(1, 20).get(0);
      assertSigned(alert, secret);
      JsonObject body = new JsonObject(alert.body().toString(StandardCharsets.UTF_8));
      assertEquals("signed-target", body.getString("target"));
      assertEquals("watch", body.getString("level"));
      assertEquals("demo", body.getString("platform"));
      assertEquals(8, body.getInteger("messages"));
      assertEquals(5, body.getInteger("authors"));
      assertEquals("signed-target-7", body.getString("dataId"));
      assertEquals(body.getString("id"), alert.headers().get(AlertSignature.ID_HEADER));

      // a new URL keeps the secret; a rotation makes a new one, which signs from then on
      assertNull(ok(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey, new JsonObject().put("url", receiver.url())))
          .getString("secret"));
      String rotated = ok(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey,
          new JsonObject().put("url", receiver.url()).put("rotateSecret", true))).getString("secret");
      assertNotEquals(secret, rotated);
      raiseWatch(app.client(), app.service().platformKey, "rotated-target");
      assertSigned(receiver.awaitAccepted(2, 20).get(1), rotated);
      assertTrue(metric("humiao_pileon_callback_alerts_total{outcome=\"delivered\"") >= 2);
      ok(send(app.client(), HttpMethod.DELETE, PATH, app.service().platformKey, null));
    }
  }

  @Test
  void aReceiverThatFailsAtFirstStillGetsTheAlertOnceAccepted(Vertx vertx) throws Exception {
    try (AlertReceiver receiver = new AlertReceiver(vertx)) {
      receiver.failNext.set(3);
      String secret = ok(send(app.client(), HttpMethod.PUT, "/v1/platforms/other/callbacks", app.service().otherPlatformKey,
          new JsonObject().put("url", receiver.url()))).getString("secret");
      double failedBefore = metric("humiao_pileon_callback_failed_attempts_total");
      raiseWatch(app.client(), app.service().otherPlatformKey, "retried-target");
      List<AlertReceiver.Received> accepted = receiver.awaitAccepted(1, 30);
      assertEquals(1, accepted.size());
      assertEquals(4, receiver.received.size(), "three 503s, then the 2xx");
      assertEquals(1, receiver.received.stream().map(r -> r.headers().get(AlertSignature.ID_HEADER)).distinct().count(),
          "every attempt carries the one alert id");
      for (AlertReceiver.Received r : receiver.received) {
        assertSigned(r, secret);
      }
      assertTrue(metric("humiao_pileon_callback_failed_attempts_total") >= failedBefore + 3);
      assertEquals(0, metric("humiao_pileon_callback_pending"));
      ok(send(app.client(), HttpMethod.DELETE, "/v1/platforms/other/callbacks", app.service().otherPlatformKey, null));
    }
  }

  @Test
  void alertsLeftInTheOutboxAreDeliveredAfterARestart(Vertx vertx) throws Exception {
    Path data = dir.resolve("restart/data");
    String secret;
    try (AlertReceiver receiver = new AlertReceiver(vertx)) {
      receiver.failNext.set(Integer.MAX_VALUE); // down for the whole first run
      try (LocalService first = new LocalService(dir.resolve("restart"), FAST);
           Client one = new Client(vertx, first.port())) {
        secret = ok(send(one, HttpMethod.PUT, PATH, first.platformKey, new JsonObject().put("url", receiver.url())))
            .getString("secret");
        raiseWatch(one, first.platformKey, "restart-target");
        while (receiver.received.isEmpty()) {
          Thread.sleep(20);
        }
        assertTrue(receiver.accepted().isEmpty());
      }
      assertTrue(Files.size(data.resolve(PileOnSetup.OUTBOX_DIR).resolve("outbox-0.jsonl")) > 0);
      receiver.failNext.set(0);
      receiver.received.clear();
      try (LocalService second = new LocalService(dir.resolve("restarted"),
          merged(Map.of(Setting.DATA_DIR, data.toString(), Setting.SHARED_DIR, data.toString())))) {
        AlertReceiver.Received alert = receiver.awaitAccepted(1, 30).get(0);
        assertSigned(alert, secret);
        assertEquals("restart-target", new JsonObject(alert.body().toString(StandardCharsets.UTF_8)).getString("target"));
      }
    }
  }

  @Test
  void registrationIsTheOwnPlatformsOrAnAdminsAndTheUrlIsChecked() {
    for (String bad : List.of("ftp://example.com/x", "http://user:pw@example.com/x", "example.com/hook",
        "http:///nohost", "https://example.com/x#frag", "http://exa mple.com/", "https://" + "a".repeat(2050))) {
      assertError(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey, new JsonObject().put("url", bad)), 400,
          "invalid_field");
    }
    assertError(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey, new JsonObject()), 400, "missing_field");
    assertError(send(app.client(), HttpMethod.PUT, PATH, app.service().platformKey,
        new JsonObject().put("url", "https://example.com/h").put("extra", 1)), 400, "invalid_field");
    assertError(send(app.client(), HttpMethod.PUT, PATH, app.service().otherPlatformKey,
        new JsonObject().put("url", "https://example.com/h")), 403, "platform_mismatch");
    assertError(send(app.client(), HttpMethod.PUT, PATH, app.service().regulatorKey,
        new JsonObject().put("url", "https://example.com/h")), 403, "forbidden");
    assertError(app.client().get(PATH, app.service().otherPlatformKey), 403, "platform_mismatch");
    assertError(app.client().get(PATH, app.service().regulatorKey), 403, "forbidden");
    assertError(app.client().get(PATH, null), 401, "unauthorized");
    assertError(app.client().get("/v1/platforms/nobody/callbacks", app.service().adminKey), 404, "not_found");
    assertFalse(ok(send(app.client(), HttpMethod.PUT, "/v1/platforms/nobody/callbacks", app.service().adminKey,
        new JsonObject().put("url", "https://example.com/h"))).getString("secret").isEmpty());
    assertEquals("https://example.com/h", ok(app.client().get("/v1/platforms/nobody/callbacks", app.service().adminKey))
        .getString("url"));
    ok(send(app.client(), HttpMethod.DELETE, "/v1/platforms/nobody/callbacks", app.service().adminKey, null));
    assertError(send(app.client(), HttpMethod.DELETE, "/v1/platforms/nobody/callbacks", app.service().adminKey, null), 404,
        "not_found");
  }

  private static Map<Setting, String> merged(Map<Setting, String> more) {
    Map<Setting, String> all = new java.util.EnumMap<>(Setting.class);
    all.putAll(FAST);
    all.putAll(more);
    return all;
  }
}
