package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-key rate limits and the bound on screening requests in flight, on a service with tiny limits. */
class HttpLimitsTest {
  private static final int BURST = 4;

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(
        Setting.RATE_LIMIT_PER_SECOND, "0.5",
        Setting.RATE_LIMIT_BURST, Integer.toString(BURST),
        Setting.MAX_IN_FLIGHT, "1",
        Setting.WORKER_THREADS, "1",
        // requests are counted here, not their characters (NoisyNeighbourHttpTest charges those)
        Setting.RATE_LIMIT_CHARS_PER_TOKEN, "1000000",
        Setting.MAX_BODY_BYTES, "1000000"));

  @Test
  void aKeyOverItsBurstGets429WithRetryAfterAndOtherKeysAreUnaffected() {
    for (int i = 0; i < BURST; i++) {
      assertEquals(200, app.client().get("/v1/lexicons", app.service().regulatorKey).statusCode(), "request " + i);
    }
    HttpResponse<Buffer> limited = app.client().get("/v1/lexicons", app.service().regulatorKey);
    assertError(limited, 429, "rate_limited");
    // At 0.5 tokens a second the next token is at most 2 s away.
    long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
    assertEquals(200, app.client().get("/v1/lexicons", app.service().otherPlatformKey).statusCode());
  }

  @Test
  void screeningRequestsOverTheInFlightBoundGet503WithRetryAfter() {
    JsonObject batch = HeavyBatch.of(3, 5000);
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      sent.add(app.client().request(HttpMethod.POST, "/v1/text/screen/batch", app.service().platformKey).sendJsonObject(batch));
    }
    int ok = 0;
    int overloaded = 0;
    for (Future<HttpResponse<Buffer>> f : sent) {
      HttpResponse<Buffer> r = Client.await(f);
      if (r.statusCode() == 200) {
        ok++;
      } else {
        assertError(r, 503, "overloaded");
        assertEquals("1", r.getHeader("Retry-After"));
        overloaded++;
      }
    }
    assertTrue(ok >= 1, "one request is admitted");
    assertTrue(overloaded >= 1, "the others do not queue");
    assertEquals(0, app.service().service.components().screeningPool().inFlight());
    assertEquals(200, app.client().post("/v1/text/screen", app.service().adminKey, new JsonObject().put("text", "你好")).statusCode());
  }
}
