package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every regulator route filters by the key's region, server-side: one regulator key per line of
 * {@code regions/scopes.tsv} (a county, a city, a province, a municipality, national), the same
 * events for all, and for each key and route the regions of what it is shown, counted.
 */
@ExtendWith(VertxExtension.class)
class RegionScopeHttpTest {
  /** Blocked by the placeholder lexicons. */
  private static final String BLOCKED = "你个傻*逼";
  private static final String NONE = "none";
  /** The regions the events name, in the order they are screened (null: none); 530523 comes from a key. */
  private static final List<String> NAMED = Arrays.asList("530502", "530502", "530521", "530602", "513230", "110105",
      "429004", null);
  private static final String PLATFORM_DEFAULT = "530523";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static Vertx vertx;
  static final List<Scope> SCOPES = new ArrayList<>();

  /** One line of the table: a key of {@code region} (null: national) and the regions it must see. */
  record Scope(String region, List<String> sees, String key, Stream stream) {
    @Override
    public String toString() {
      return region == null ? "national" : region;
    }
  }

  /** An open event stream, collecting what arrives. */
  record Stream(HttpClient http, StringBuffer received) {
    List<String> regions() {
      return Arrays.stream(received.toString().split("\n"))
          .filter(line -> line.startsWith("data: "))
          .map(line -> regionOf(new JsonObject(line.substring(6)).getString("region")))
          .toList();
    }
  }

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
    for (String line : table()) {
      String[] cells = line.split("\t", -1);
      String region = cells[0].equals("national") ? null : cells[0];
      IssuedKey key = app.service().issuer.issue(Role.REGULATOR, null, region);
      app.service().store.add(key.stored());
      List<String> sees = cells[1].isEmpty() ? List.of() : List.of(cells[1].split(" "));
      SCOPES.add(new Scope(region, sees, key.secret(), null));
    }
    IssuedKey baoshan = app.service().issuer.issue(Role.PLATFORM, "baoshan", PLATFORM_DEFAULT);
    app.service().store.add(baoshan.stored());
    eventually(() -> SCOPES.stream().allMatch(s -> app.client().get("/v1/regulator/events?limit=1", s.key()).statusCode() == 200)
        && app.client().get("/v1/regulator/events?limit=1", baoshan.secret()).statusCode() == 200, "the new keys are loaded");
    // every stream opens before the first event, so each must hear of exactly its events
    for (int i = 0; i < SCOPES.size(); i++) {
      Scope s = SCOPES.get(i);
      SCOPES.set(i, new Scope(s.region(), s.sees(), s.key(), open(s.key())));
    }
    for (String region : NAMED) {
      screen(app.service().platformKey, region);
    }
    screen(baoshan.secret(), null);
  }

  @AfterAll
  static void stop() throws Exception {
    for (Scope s : SCOPES) {
      s.stream().http().close().await(5, TimeUnit.SECONDS);
    }
  }

  @TestFactory
  java.util.stream.Stream<DynamicTest> everyRegulatorRouteShowsTheKeyOnlyItsRegionAndWhatIsUnderIt() {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    Map<String, Consumer<Scope>> routes = new TreeMap<>();
    routes.put("summary", s -> assertSummarySees(s, "region"));
    // the console's refusals by Beijing hour
    routes.put("summary by hour", s -> assertSummarySees(s, "hour,region"));
    routes.put("events", s -> assertSees(s, ok(app.client().get("/v1/regulator/events?limit=1000", s.key()))
        .getJsonArray("events").stream().map(e -> regionOf(((JsonObject) e).getString("region"))).toList(), "events"));
    routes.put("export", s -> {
      HttpResponse<Buffer> r = app.client().get("/v1/regulator/events/export", s.key());
      assertEquals(200, r.statusCode(), r::bodyAsString);
      assertSees(s, RegulatorViewsHttpTest.parseCsv(r.bodyAsString().substring(1)).stream().skip(1)
          .map(cells -> regionOf(cells.get(8).isEmpty() ? null : cells.get(8))).toList(), "export");
    });
    routes.put("quarterly report", s -> {
      // the report counts, it names no regions: its total is as many events as the key must see
      JsonObject report = ok(app.client().get("/v1/regulator/reports/quarterly?year=" + today.getYear() + "&quarter="
          + today.get(IsoFields.QUARTER_OF_YEAR), s.key()));
      assertEquals(scopeCode(s), report.getString("region"));
      assertEquals(s.sees().size(), report.getLong("events").intValue(), "events in " + s + "'s report");
      assertEquals(s.sees().size(), report.getJsonArray("byPlatform").stream()
          .mapToLong(r -> ((JsonObject) r).getLong("events")).sum(), "by platform in " + s + "'s report");
    });
    routes.put("compliance", s -> {
      // every screened text here is blocked: as many texts counted, and as many violations, as events the key sees
      String path = "/v1/regulator/compliance?from=" + today + "&to=" + today;
      eventually(() -> sum(ok(app.client().get(path, s.key())), "screened") == s.sees().size(), s + "'s screened texts");
      JsonObject report = ok(app.client().get(path, s.key()));
      assertEquals(scopeCode(s), report.getJsonObject("scope").getString("region"));
      assertEquals(s.sees().size(), sum(report, "violations"), "violations in " + s + "'s compliance report");
      HttpResponse<Buffer> csv = app.client().get(path + "&format=csv", s.key());
      assertEquals(200, csv.statusCode(), csv::bodyAsString);
      List<List<String>> rows = RegulatorViewsHttpTest.parseCsv(csv.bodyAsString().substring(1));
      int violations = rows.get(0).indexOf("violations");
      assertEquals(s.sees().size(), rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.get(violations))).sum(),
          "violations in " + s + "'s CSV");
    });
    routes.put("stream", s -> {
      eventually(() -> s.stream().regions().size() >= s.sees().size(), s + "'s stream hears of its events");
      assertSees(s, s.stream().regions(), "stream");
    });
    return SCOPES.stream().flatMap(s -> routes.entrySet().stream().map(route ->
        DynamicTest.dynamicTest(s + " " + route.getKey(), () -> route.getValue().accept(s))));
  }

  /** The summary grouped by {@code groupBy} (region and maybe hour) counts the key's regions only; a row has an hour if grouped by it. */
  private static void assertSummarySees(Scope s, String groupBy) {
    JsonObject answer = ok(app.client().get("/v1/regulator/summary?groupBy=" + groupBy, s.key()));
    assertEquals(scopeCode(s), answer.getString("region"));
    List<String> seen = new ArrayList<>();
    for (Object row : answer.getJsonArray("rows")) {
      JsonObject r = (JsonObject) row;
      Integer hour = r.getInteger("hour");
      assertEquals(groupBy.contains("hour"), hour != null && hour >= 0 && hour < 24, r::encode);
      seen.addAll(Collections.nCopies(r.getLong("events").intValue(), regionOf(r.getString("region"))));
    }
    assertSees(s, seen, "summary by " + groupBy);
  }

  private static long sum(JsonObject compliance, String field) {
    return compliance.getJsonArray("platforms").stream().mapToLong(r -> ((JsonObject) r).getLong(field)).sum();
  }

  private static void assertSees(Scope s, List<String> seen, String route) {
    assertEquals(s.sees().stream().sorted().toList(), seen.stream().sorted().toList(),
        "the regions " + route + " shows the key of " + s);
  }

  @Test
  void aRegionNotInTheTableIsRefusedAndNothingIsJournaled() {
    for (String bad : new String[] {"530599", "5305020", "000000", "+110105"}) {
      assertError(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", BLOCKED)
          .put("region", bad)), 400, "unknown_region");
    }
    HttpResponse<Buffer> batch = app.client().post("/v1/text/screen/batch", app.service().platformKey, new JsonObject()
        .put("items", new JsonArray().add(new JsonObject().put("text", "你好").put("region", "530599"))));
    assertEquals("unknown_region", ok(batch).getJsonArray("items").getJsonObject(0).getJsonObject("error")
        .getString("code"));
  }

  private static String scopeCode(Scope s) {
    return s.region() == null || s.region().equals("000000") ? null : s.region();
  }

  private static String regionOf(String region) {
    return Objects.requireNonNullElse(region, NONE);
  }

  private static void screen(String key, String region) {
    JsonObject body = new JsonObject().put("text", BLOCKED);
    if (region != null) {
      body.put("region", region);
    }
    ok(app.client().post("/v1/text/screen", key, body));
  }

  private static Stream open(String key) throws Exception {
    HttpClient http = vertx.createHttpClient();
    StringBuffer received = new StringBuffer();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(app.service().port()).setURI("/v1/regulator/stream").putHeader("Authorization", "Bearer " + key);
    http.request(options).compose(request -> request.send())
        .onSuccess(r -> r.handler(chunk -> received.append(chunk.toString(StandardCharsets.UTF_8))))
        .await(10, TimeUnit.SECONDS);
    eventually(() -> received.toString().contains(": humiao live events"), "the stream's first comment");
    return new Stream(http, received);
  }

  private static List<String> table() throws IOException {
    try (InputStream in = RegionScopeHttpTest.class.getResourceAsStream("/regions/scopes.tsv")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
