package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regulators' side of pile-ons over HTTP: a surge's events carry the region of the platform's
 * keys, as other events do; the platform switching protection on for the target journals a
 * {@code target_protected} event with the seconds since the surge; the quarterly report's pile-on
 * section counts the levels by platform and region and gives the median time to protection; and a
 * protection outlives a restart of the embedded service.
 */
@ExtendWith(VertxExtension.class)
class PileOnReportHttpTest {
  private static final String ABUSE = "你个傻*逼";
  /** A platform of its own, so this class's counts are exactly its own. */
  private static final String PLATFORM = "kunming-forum";
  private static final String REGION = "530102";

  @TempDir
  static Path dir;
  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static String platformKey;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    IssuedKey key = app.service().issuer.issue(Role.PLATFORM, PLATFORM, REGION);
    app.service().store.add(key.stored());
    platformKey = key.secret();
    long end = System.nanoTime() + 10_000_000_000L;
    while (app.client().get("/v1/targets/x/status", platformKey).statusCode() != 200) {
      assertTrue(System.nanoTime() < end, "the new key is never accepted");
      Thread.sleep(50);
    }
  }

  private static JsonArray events(String kind) {
    return ok(app.client().get("/v1/regulator/events?platform=" + PLATFORM + "&kind=" + kind, app.service().adminKey))
        .getJsonArray("events");
  }

  /** The report of this quarter (Beijing) for the platform, once {@code ready} holds of its pile-on section. */
  private static JsonObject pileOns(Predicate<JsonObject> ready) throws InterruptedException {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    String path = "/v1/regulator/reports/quarterly?year=" + today.getYear() + "&quarter="
        + ((today.getMonthValue() - 1) / 3 + 1) + "&platform=" + PLATFORM;
    long end = System.nanoTime() + 10_000_000_000L;
    while (true) {
      JsonObject section = ok(app.client().get(path, app.service().regulatorKey)).getJsonObject("pileOns");
      if (ready.test(section) || System.nanoTime() > end) {
        return section;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aSurgesProtectionIsJournaledWithTimeToProtectionAndReportedByPlatformAndRegion() throws Exception {
    for (int i = 0; i < 20; i++) {
      ok(app.client().post("/v1/text/screen", platformKey, new JsonObject().put("text", ABUSE).put("authorId", "a" + (i % 10))
          .put("targetId", "victim")));
    }
    JsonArray surges = events("bullying_surge");
    assertEquals(2, surges.size(), surges::encode);
    surges.forEach(e -> assertEquals(REGION, ((JsonObject) e).getString("region"), "the platform's region"));
    Instant surgedAt = Instant.parse(surges.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("rule").equals("surge")).findFirst().orElseThrow().getString("time"));

    Thread.sleep(2100);
    long until = Instant.now().getEpochSecond() + 3600;
    ok(app.client().post("/v1/targets/victim/protection", platformKey, new JsonObject().put("on", true).put("until", until)));
    ok(app.client().post("/v1/targets/victim/protection", platformKey, new JsonObject().put("on", true).put("until", until + 60)
        .put("scope", "everyone")));
    ok(app.client().post("/v1/targets/nobody-piled-on/protection", platformKey, new JsonObject().put("on", true)
        .put("until", until)));
    JsonArray protections = events("target_protected");
    assertEquals(1, protections.size(), "a renewal and a target without a surge are no protection after a surge: "
        + protections.encode());
    JsonObject protection = protections.getJsonObject(0);
    assertEquals(REGION, protection.getString("region"));
    assertEquals("platform", protection.getString("rule"));
    long seconds = protection.getJsonObject("evidence").getLong("secondsSinceSurge");
    long expected = Instant.parse(protection.getString("time")).getEpochSecond() - surgedAt.getEpochSecond();
    assertTrue(seconds >= 2 && Math.abs(seconds - expected) <= 1, seconds + " s, expected about " + expected);
    assertEquals("platform", protection.getJsonObject("evidence").getString("by"));

    JsonObject report = pileOns(p -> p.getInteger("protections") == 1 && p.getLong("levelsRaised") == 2);
    assertEquals(2, report.getLong("levelsRaised"), report::encode);
    assertEquals(0, report.getLong("mandatoryReports"));
    assertEquals(new JsonArray().add(new JsonObject().put("platform", PLATFORM).put("levelsRaised", 2)
        .put("mandatoryReports", 0)), report.getJsonArray("byPlatform"));
    assertEquals(new JsonArray().add(new JsonObject().put("region", REGION).put("levelsRaised", 2)
        .put("mandatoryReports", 0)), report.getJsonArray("byRegion"));
    assertEquals(1, report.getInteger("protections"));
    assertEquals(new JsonObject().put("platform", 1).put("policy", 0), report.getJsonObject("protectionsBy"));
    assertEquals((double) seconds, report.getDouble("medianSecondsToProtection"));
  }

  @Test
  void aProtectionSwitchedOnIsStillOnAfterARestart(Vertx vertx) throws Exception {
    Path data = dir.resolve("restart/data");
    long until = Instant.now().getEpochSecond() + 3600;
    try (LocalService first = new LocalService(dir.resolve("restart"), Map.of());
         Client one = new Client(vertx, first.port())) {
      ok(one.post("/v1/targets/kept/protection", first.platformKey, new JsonObject().put("on", true)
          .put("until", until).put("scope", "everyone")));
    }
    try (LocalService second = new LocalService(dir.resolve("restarted"),
             Map.of(org.humiao.config.Setting.DATA_DIR, data.toString(), org.humiao.config.Setting.SHARED_DIR,
                 data.toString()));
         Client two = new Client(vertx, second.port())) {
      JsonObject status = ok(two.get("/v1/targets/kept/status", second.platformKey));
      assertTrue(status.getBoolean("protected"), status::encode);
      assertEquals("everyone", status.getJsonObject("protection").getString("scope"));
      JsonObject screened = ok(two.post("/v1/text/screen", second.platformKey, new JsonObject().put("text", "今天天气不错")
          .put("authorId", "friend").put("targetId", "kept").put("relation", "friend")));
      assertEquals(Boolean.TRUE, screened.getBoolean("protected"), "everyone: a friend's text too");
    }
  }
}
