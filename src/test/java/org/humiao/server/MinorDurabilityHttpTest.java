package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.durable.CrashDisk;
import org.humiao.minor.nppa.FakeNppaServer;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minor-mode answer leaves only once what it changed is forced to disk: with every force of the
 * state log (a heartbeat, a payment) or of the NPPA outbox (an authorize that logs a minor in) held
 * on a latch by {@link CrashDisk}, the answer must not arrive until the latch is released.
 */
@ExtendWith(VertxExtension.class)
class MinorDurabilityHttpTest {
  private static final String PI = "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u";
  /** A Saturday inside nppa-2021's window 20:00–21:00, when a minor may play. */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 20, 10, 0, 0, ZoneId.of("Asia/Shanghai"));
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), NOW.getZone());

  @TempDir
  Path dir;

  @Test
  void heartbeatsAndPaymentsAnswerOnlyOnceTheStateLogIsForced(Vertx vertx) throws Exception {
    try (CrashDisk disk = CrashDisk.install(f -> f.getFileName().toString().equals(EmbeddedPlayStateStore.LOG_FILE))) {
      LocalService service = new LocalService(dir, Map.of(), CLOCK, null);
      try (Client client = new Client(vertx, service.port())) {
        String key = service.platformKey;
        ok(client.post("/v1/attestations", key, new JsonObject().put("user", "kid").put("kind", "resident-id")
            .put("idNumber", ResidentIds.residentId(NOW.toLocalDate().minusYears(12)))));
        JsonObject play = new JsonObject().put("user", "kid").put("session", "s1");
        ok(client.post("/v1/play/authorize", key, play));

        long now = NOW.toEpochSecond();
        JsonObject beat = answerHeldUntilReleased(disk, () -> send(client, "/v1/play/heartbeat", key,
            play.copy().put("from", now).put("to", now + 60)));
        assertEquals("continue", beat.getString("action"), beat::encode);

        JsonObject paid = answerHeldUntilReleased(disk, () -> send(client, "/v1/payments/check", key,
            new JsonObject().put("user", "kid").put("amountFen", 1000).put("key", "order-1")));
        assertEquals(true, paid.getBoolean("allowed"), paid::encode);
      } finally {
        service.close();
      }
    }
  }

  @Test
  void anAuthorizeThatLogsAMinorInAnswersOnlyOnceItsNppaRecordIsForced(Vertx vertx) throws Exception {
    String appId = "a0298befcc6340dcac218d5016669df3";
    String bizId = "1101999999";
    String secret = "bbd3322487be9f3b2af1e7d1d3734f41";
    Map<Setting, String> reporting = new EnumMap<>(Setting.class);
    try (FakeNppaServer nppa = FakeNppaServer.start(appId, bizId, secret, CLOCK);
         CrashDisk disk = CrashDisk.install(f -> f.getFileName().toString().startsWith("outbox-"))) {
      reporting.put(Setting.NPPA_APP_ID, appId);
      reporting.put(Setting.NPPA_BIZ_ID, bizId);
      reporting.put(Setting.NPPA_SECRET_KEY, secret);
      reporting.put(Setting.NPPA_ENDPOINT, nppa.endpoint().toString());
      LocalService service = new LocalService(dir, reporting, CLOCK, null);
      try (Client client = new Client(vertx, service.port())) {
        String key = service.platformKey;
        ok(client.post("/v1/attestations", key, new JsonObject().put("user", "kid").put("kind", "nppa").put("pi", PI)
            .put("birthDate", LocalDate.from(NOW).minusYears(12).toString())));
        JsonObject authorized = answerHeldUntilReleased(disk, () -> send(client, "/v1/play/authorize", key,
            new JsonObject().put("user", "kid").put("session", "s-kid")));
        assertEquals(true, authorized.getBoolean("allowed"), authorized::encode);
      } finally {
        service.close();
      }
    }
  }

  /**
   * Holds every force of the disk's files, sends the request, sees a force arrive and no answer
   * for 300 ms, then releases the forces and returns the answer, which must be a 200.
   */
  private static JsonObject answerHeldUntilReleased(CrashDisk disk,
                                                   Supplier<Future<HttpResponse<Buffer>>> request)
      throws Exception {
    CrashDisk.Hold hold = disk.holdForces();
    Future<HttpResponse<Buffer>> answer = request.get();
    try {
      assertTrue(hold.awaitReached(5_000), "the call's write never reached its force");
      Thread.sleep(300);
      assertFalse(answer.isComplete(), () -> "an answer left before its write was forced: "
          + (answer.succeeded() ? answer.result().bodyAsString() : answer.cause()));
    } finally {
      hold.release();
    }
    return ok(answer.await(10, TimeUnit.SECONDS));
  }

  private static Future<HttpResponse<Buffer>> send(Client client, String path, String key, JsonObject body) {
    return client.request(HttpMethod.POST, path, key).sendJsonObject(body);
  }
}
