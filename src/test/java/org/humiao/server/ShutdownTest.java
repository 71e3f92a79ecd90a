package org.humiao.server;

import org.humiao.http.WorkerPool;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graceful shutdown: a request in flight is answered, then the server is gone. */
@ExtendWith(VertxExtension.class)
class ShutdownTest {
  @Test
  void closingFinishesTheRequestInFlightThenRefusesConnections(Vertx vertx, @TempDir Path dir) throws Exception {
    // A grace far longer than the batch: the close must wait for the answer, not for the grace.
    LocalService s = new LocalService(dir, Map.of(Setting.MAX_BODY_BYTES, "4000000", Setting.WORKER_THREADS, "1",
        Setting.SHUTDOWN_GRACE_MS, "20000"));
    Client client = new Client(vertx, s.port());
    try {
      Future<HttpResponse<Buffer>> inFlight = client.request(HttpMethod.POST, "/v1/text/screen/batch", s.platformKey)
          .sendJsonObject(HeavyBatch.of(2, 5000));
      WorkerPool pool = s.service.components().screeningPool();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (pool.inFlight() == 0 && !inFlight.isComplete() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertEquals(1, pool.inFlight(), "the batch should still be screening when the close begins");

      long started = System.nanoTime();
      s.close();
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "close waited for the grace, not the request");
      HttpResponse<Buffer> answer = Client.await(inFlight);
      assertEquals(200, answer.statusCode(), answer.bodyAsString());
      assertEquals(2, answer.bodyAsJsonObject().getJsonArray("items").size());
      assertThrows(Exception.class, () -> client.get("/health/live", null));
    } finally {
      client.close();
    }
  }
}
