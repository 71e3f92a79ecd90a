package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A screening request over requestTimeoutMs is answered 503 timeout, and its slot is freed when the work ends. */
@ExtendWith(VertxExtension.class)
class HttpTimeoutTest {
  @Test
  void slowScreeningIsA503Timeout(Vertx vertx, @TempDir Path dir) throws Exception {
    try (LocalService s = new LocalService(dir, Map.of(Setting.REQUEST_TIMEOUT_MS, "5", Setting.MAX_BODY_BYTES, "1000000"))) {
      Client client = new Client(vertx, s.port());
      HttpResponse<Buffer> r = client.post("/v1/text/screen/batch", s.platformKey, HeavyBatch.of(3, 5000));
      assertError(r, 503, "timeout");
      assertEquals("1", r.getHeader("Retry-After"));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (s.service.components().screeningPool().inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(0, s.service.components().screeningPool().inFlight());
      client.close();
    }
  }
}
