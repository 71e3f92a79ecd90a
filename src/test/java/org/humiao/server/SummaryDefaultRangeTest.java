package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A summary without {@code from} or {@code to} counts the last 30 Beijing days: on a clock at
 * 00:30 Beijing (16:30 UTC the day before), "today" is the Beijing day, and the window is 30 days.
 */
@ExtendWith(VertxExtension.class)
class SummaryDefaultRangeTest {
  /** 2026-04-01 00:30 in Beijing, still 2026-03-31 in UTC. */
  private static final Instant NOW = Instant.parse("2026-03-31T16:30:00Z");

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of()).clock(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // one blocked text, journaled at NOW: Beijing day 2026-04-01
    assertEquals(200, app.client().post("/v1/text/screen", app.service().platformKey,
        new JsonObject().put("text", "你个傻*逼")).statusCode());
  }

  private static JsonObject summary(String query) {
    var r = app.client().get("/v1/regulator/summary" + query, app.service().regulatorKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  private static long events(JsonObject summary) {
    return summary.getJsonArray("rows").stream().mapToLong(row -> ((JsonObject) row).getLong("events")).sum();
  }

  @Test
  void withoutDatesTheLastThirtyBeijingDaysUpToToday() {
    JsonObject answer = summary("");
    assertEquals("2026-03-03", answer.getString("from"));
    assertEquals("2026-04-01", answer.getString("to"));
    assertEquals(1, events(answer), answer::encode);
  }

  @Test
  void withoutFromTheThirtyDaysUpToTo() {
    JsonObject dayBefore = summary("?to=2026-03-31");
    assertEquals("2026-03-02", dayBefore.getString("from"));
    assertEquals(0, events(dayBefore), dayBefore::encode);
    JsonObject lastDayIn = summary("?to=2026-04-30");
    assertEquals("2026-04-01", lastDayIn.getString("from"));
    assertEquals(1, events(lastDayIn), lastDayIn::encode);
    JsonObject firstDayOut = summary("?to=2026-05-01");
    assertEquals("2026-04-02", firstDayOut.getString("from"));
    assertEquals(0, events(firstDayOut), firstDayOut::encode);
  }

  @Test
  void withoutToUpToTodayInBeijing() {
    JsonObject answer = summary("?from=2026-03-20&groupBy=platform");
    assertEquals("2026-03-20", answer.getString("from"));
    assertEquals("2026-04-01", answer.getString("to"));
    assertEquals(1, events(answer), answer::encode);
  }
}
