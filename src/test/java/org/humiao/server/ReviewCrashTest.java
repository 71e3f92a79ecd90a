package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
 * A {@code serve} process takes reports, claims and resolutions on several connections and is
 * SIGKILLed mid-load; after a restart on the same data dir every report answered 200 is a task,
 * and every resolution answered 200 is still resolved with its verdict.
 */
@ExtendWith(VertxExtension.class)
class ReviewCrashTest {
  private static final int LANES = 8;
  private static final int KILL_AFTER_ACKS = 120;
  private static final Map<String, String> ENV = Map.of(
      "HUMIAO_RATE_LIMIT_PER_SECOND", "100000",
      "HUMIAO_RATE_LIMIT_BURST", "100000");

  @TempDir
  Path dir;

  @Test
  void everyAnsweredTaskAndResolutionSurvivesAKill(Vertx vertx) throws Exception {
    ServiceProcess first = ServiceProcess.start(dir, 0, ENV);
    String platform = first.key("platform");
    String admin = first.key("admin");
    Map<String, String> reported = new ConcurrentHashMap<>();
    Map<String, String> resolved = new ConcurrentHashMap<>();
    Client client = new Client(vertx, first.port());
    try {
      AtomicInteger acks = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      Lane lane = new Lane(client, platform, admin, reported, resolved, acks, killed, first);
      List<Future<Void>> lanes = new ArrayList<>();
      for (int i = 0; i < LANES; i++) {
        lanes.add(lane.run("l" + i, 0));
      }
      for (Future<Void> f : lanes) {
        f.await(120, TimeUnit.SECONDS);
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
      assertTrue(reported.size() >= KILL_AFTER_ACKS / 3, "reported " + reported.size());
      assertTrue(!resolved.isEmpty(), "nothing was resolved before the kill");
      for (String id : reported.keySet()) {
        HttpResponse<Buffer> task = again.get("/v1/review/tasks/" + id + "?platform=demo", admin);
        assertEquals(200, task.statusCode(), () -> "report " + reported.get(id) + " was answered, then lost");
        String verdict = resolved.get(id);
        if (verdict != null) {
          JsonObject resolution = task.bodyAsJsonObject().getJsonObject("resolution");
          assertEquals(verdict, resolution == null ? null : resolution.getString("verdict"),
              () -> "the resolution of " + id + " was answered, then lost");
        }
      }
    } finally {
      again.close();
      restarted.close();
    }
  }

  /** One lane's loop: report, claim, resolve (alternately block and pass), the next report; stops once the service is killed. */
  private record Lane(Client client, String platform, String admin, Map<String, String> reported,
                      Map<String, String> resolved, AtomicInteger acks, AtomicBoolean killed, ServiceProcess service) {

    Future<Void> run(String lane, int n) {
      if (killed.get()) {
        return Future.succeededFuture();
      }
      String dataId = lane + "-" + n;
      String verdict = n % 2 == 0 ? "block" : "pass";
      return send("/v1/review/reports", platform, new JsonObject().put("dataId", dataId).put("text", "举报 " + dataId)
          .put("reason", "骚扰"))
          .compose(report -> {
            if (report == null) {
              return Future.succeededFuture(null);
            }
            String id = report.getString("id");
            reported.put(id, dataId);
            return send("/v1/review/tasks/" + id + "/claim?platform=demo", admin, null)
                .compose(claimed -> claimed == null ? Future.succeededFuture(null)
                    : send("/v1/review/tasks/" + id + "/resolve?platform=demo", admin,
                        new JsonObject().put("verdict", verdict)))
                .map(done -> {
                  if (done != null) {
                    resolved.put(id, verdict);
                  }
                  return done;
                });
          })
          .compose(done -> done == null ? Future.succeededFuture() : run(lane, n + 1));
    }

    /** The answer's body, or null once the service is gone; kills it after enough answers. */
    private Future<JsonObject> send(String path, String key, JsonObject body) {
      var request = client.request(HttpMethod.POST, path, key);
      Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
      return sent.<HttpResponse<Buffer>>map(r -> r).otherwise(failure -> null).map(response -> {
        if (response == null) {
          return null;
        }
        assertEquals(200, response.statusCode(), response::bodyAsString);
        if (acks.incrementAndGet() == KILL_AFTER_ACKS && killed.compareAndSet(false, true)) {
          // the other lanes' requests are in flight: some are written, not yet answered
          service.kill();
        }
        return response.bodyAsJsonObject();
      });
    }
  }
}
