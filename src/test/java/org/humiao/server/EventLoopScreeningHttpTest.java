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

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a single screen request runs ({@code screenEventLoopMaxChars}, default 16): a short text
 * aimed at no one is screened and recorded on the event loop; a long one, one aimed at a pile-on
 * target, and the review-queue write of a held one run on the screening pool. Read from
 * {@code humiao_screen_runs_total{part,thread}}, which counts the thread each part ran on.
 */
class EventLoopScreeningHttpTest {
  private static final String SHORT = "今天一起开黑吗";
  /** Held for review by the shipped lexicon (ReviewHttpTest's text): its review task is a write. */
  private static final String HELD = "我想买个实名小号";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(Setting.RATE_LIMIT_PER_SECOND, "1000000",
      Setting.RATE_LIMIT_BURST, "1000000"));

  @Test
  void aShortTextIsScreenedAndRecordedOnTheEventLoop() {
    Runs before = runs();
    JsonObject answer = screen(new JsonObject().put("text", SHORT));
    assertEquals("pass", answer.getString("decision"), answer::encode);
    Runs after = runs();
    assertEquals(new Runs(1, 1, 0, 0), after.minus(before));
  }

  @Test
  void aLongTextIsScreenedOnThePool() {
    String longText = SHORT.repeat(10); // 70 characters, over the default 16
    Runs before = runs();
    screen(new JsonObject().put("text", longText));
    assertEquals(new Runs(0, 0, 1, 1), runs().minus(before));
  }

  @Test
  void aTextAimedAtSomeoneGoesToThePoolForPileOnTracking() {
    Runs before = runs();
    screen(new JsonObject().put("text", SHORT).put("targetId", "user-9").put("authorId", "user-1"));
    assertEquals(new Runs(0, 0, 1, 1), runs().minus(before));
  }

  @Test
  void aHeldShortTextIsScreenedOnTheLoopAndQueuedForReviewFromThePool() {
    Runs before = runs();
    JsonObject answer = screen(new JsonObject().put("text", HELD).put("dataId", "held-on-loop"));
    assertEquals("review", answer.getString("decision"), answer::encode);
    assertEquals(new Runs(1, 0, 0, 1), runs().minus(before));
    // the write went through: the task is in the queue when the answer is out
    JsonObject tasks = ok(app.client().get("/v1/review/tasks", app.service().platformKey));
    assertTrue(tasks.getJsonArray("tasks").stream().map(JsonObject.class::cast)
        .anyMatch(t -> "held-on-loop".equals(t.getString("dataId"))), tasks::encode);
  }

  @Test
  void underALoadOfShortTextsEveryOneRunsOnTheLoopAndTheLoopsKeepUp() {
    int requests = 2000;
    int inFlight = 32;
    Runs before = runs();
    double probesBefore = metric("humiao_event_loop_delay_seconds_count");
    double lateBefore = metric("humiao_event_loop_delay_seconds_sum");
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      if (sent.size() >= inFlight) {
        ok(Client.await(sent.remove(0)));
      }
      sent.add(app.client().request(HttpMethod.POST, "/v1/text/screen", app.service().platformKey)
          .sendJsonObject(new JsonObject().put("text", SHORT + i)));
    }
    sent.forEach(f -> ok(Client.await(f)));
    assertEquals(new Runs(requests, requests, 0, 0), runs().minus(before));
    // how late the 100 ms probe on the event loops fired on average during the run: a loop that
    // blocked (a forced write, a Redis call) would show here; Vert.x's own checker only warns after 2 s
    double probes = metric("humiao_event_loop_delay_seconds_count") - probesBefore;
    double meanDelay = (metric("humiao_event_loop_delay_seconds_sum") - lateBefore) / probes;
    System.out.printf("event-loop delay during %d short screens: mean %.2f ms over %.0f probes%n", requests,
        meanDelay * 1000, probes);
    // generous: the machine the suite runs on is shared, and starved loops are late for no fault of theirs
    assertTrue(meanDelay < 0.25, "the event loops were late by " + meanDelay * 1000 + " ms on average");
  }

  /** Counts of {@code humiao_screen_runs_total} by part and thread. */
  record Runs(double engineOnLoop, double hooksOnLoop, double engineOnWorker, double hooksOnWorker) {
    Runs minus(Runs o) {
      return new Runs(engineOnLoop - o.engineOnLoop, hooksOnLoop - o.hooksOnLoop, engineOnWorker - o.engineOnWorker,
          hooksOnWorker - o.hooksOnWorker);
    }
  }

  private static Runs runs() {
    return new Runs(metric("humiao_screen_runs_total{part=\"engine\",thread=\"event_loop\"}"),
        metric("humiao_screen_runs_total{part=\"hooks\",thread=\"event_loop\"}"),
        metric("humiao_screen_runs_total{part=\"engine\",thread=\"worker\"}"),
        metric("humiao_screen_runs_total{part=\"hooks\",thread=\"worker\"}"));
  }

  /** The largest value of the series (a name with or without labels) in /metrics. */
  private static double metric(String series) {
    String text = app.client().get("/metrics", null).bodyAsString();
    return text.lines().filter(l -> l.startsWith(series + " ") || l.startsWith(series + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .max().orElseThrow(() -> new AssertionError("no " + series + " in /metrics"));
  }

  private static JsonObject screen(JsonObject body) {
    return ok(app.client().post("/v1/text/screen", app.service().platformKey, body));
  }
}
