package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store answers before nothing is on disk: minor-mode calls run on the event loop and
 * only their answers wait for the state log's sync. A {@code serve} process takes heartbeats on
 * many connections and is SIGKILLed mid-load; after a restart on the same data dir, every
 * heartbeat that was answered 200 is already counted (sent again, it counts no new second).
 */
@ExtendWith(VertxExtension.class)
class EmbeddedCrashTest {
  private static final int USERS = 16;
  private static final int KILL_AFTER_ACKS = 400;
  private static final long BEAT_SECONDS = 10;
  private static final Map<String, String> ENV = Map.of(
      "HUMIAO_RATE_LIMIT_PER_SECOND", "100000",
      "HUMIAO_RATE_LIMIT_BURST", "100000");

  @TempDir
  Path dir;

  @Test
  void everyAnsweredHeartbeatSurvivesAKill(Vertx vertx) throws Exception {
    long base = System.currentTimeMillis() / 1000 - 3600;
    ServiceProcess first = ServiceProcess.start(dir, 0, ENV);
    String key = first.key("platform");
    Map<String, Boolean> answered = new ConcurrentHashMap<>();
    Client client = new Client(vertx, first.port());
    try {
      for (int user = 0; user < USERS; user++) {
        JsonObject attested = client.post("/v1/attestations", key, new JsonObject().put("user", "u" + user)
            .put("kind", "resident-id").put("idNumber", ResidentIds.residentId(
                LocalDate.now(ViolationSummaries.ZONE).minusYears(12).minusDays(user + 1)))).bodyAsJsonObject();
        assertTrue(attested.getBoolean("minor"), attested::encode);
      }
      AtomicInteger acks = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      List<Future<Void>> lanes = new ArrayList<>();
      for (int user = 0; user < USERS; user++) {
        lanes.add(lane(client, key, "u" + user, base, 0, answered, acks, killed, first));
      }
      for (Future<Void> lane : lanes) {
        lane.await(120, TimeUnit.SECONDS);
      }
      assertTrue(killed.get(), "the load ended before the service was killed");
      first.awaitExit();
    } finally {
      client.close();
      first.close();
    }

    ServiceProcess restarted = ServiceProcess.start(dir, 0, ENV);
    Client again = new Client(vertx, restarted.port());
    try {
      assertTrue(answered.size() >= KILL_AFTER_ACKS, "answered " + answered.size());
      for (String beat : answered.keySet()) {
        String[] parts = beat.split("@");
        JsonObject answer = again.post("/v1/play/heartbeat", key, heartbeat(parts[0], Long.parseLong(parts[1])))
            .bodyAsJsonObject();
        assertEquals(0, answer.getLong("countedSeconds") + answer.getLong("overSeconds"),
            () -> "heartbeat " + beat + " was answered before the crash but counts anew: " + answer.encode());
      }
      JsonObject fresh = again.post("/v1/play/heartbeat", key, heartbeat("u0", base + 3000)).bodyAsJsonObject();
      assertEquals(BEAT_SECONDS, fresh.getLong("countedSeconds") + fresh.getLong("overSeconds"), fresh::encode);
    } finally {
      again.close();
      restarted.close();
    }
  }

  /** One user's heartbeats, one after another, each the next 10 s; the service is killed after enough answers. */
  private static Future<Void> lane(Client client, String key, String user, long base, int beat,
                                   Map<String, Boolean> answered, AtomicInteger acks, AtomicBoolean killed,
                                   ServiceProcess service) {
    if (killed.get()) {
      return Future.succeededFuture();
    }
    long from = base + beat * BEAT_SECONDS;
    return client.request(HttpMethod.POST, "/v1/play/heartbeat", key).sendJsonObject(heartbeat(user, from))
        .<HttpResponse<Buffer>>map(r -> r)
        .otherwise(failure -> null)
        .compose(response -> {
          if (response == null) {
            return Future.succeededFuture(); // the service is gone
          }
          assertEquals(200, response.statusCode(), response::bodyAsString);
          answered.put(user + "@" + from, true);
          if (acks.incrementAndGet() == KILL_AFTER_ACKS && killed.compareAndSet(false, true)) {
            // the other lanes' requests are in flight: some are counted in memory, not yet on disk
            service.kill();
          }
          return lane(client, key, user, base, beat + 1, answered, acks, killed, service);
        });
  }

  private static JsonObject heartbeat(String user, long from) {
    return new JsonObject().put("user", user).put("session", "s-" + user).put("service", "streaming")
        .put("from", from).put("to", from + BEAT_SECONDS);
  }
}
