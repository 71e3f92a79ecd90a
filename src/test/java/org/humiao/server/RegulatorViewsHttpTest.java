package org.humiao.server;

import org.humiao.http.Csv;
import org.humiao.http.StrictPage;
import org.humiao.http.regulator.EventCsv;
import org.humiao.http.regulator.EventStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.cases.Agency;
import org.humiao.cases.CaseStatus;
import org.humiao.events.ViolationEvent;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regulators' export, live stream and quarterly report over real HTTP. */
@ExtendWith(VertxExtension.class)
class RegulatorViewsHttpTest {
  /** Blocked by the placeholder lexicons (insult, severity 3); masked 你个***. */
  private static final String BLOCKED = "你个傻*逼";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
  }

  private static LocalDate today() {
    return LocalDate.now(ViolationSummaries.ZONE);
  }

  private static JsonObject screen(String key, JsonObject body) {
    HttpResponse<Buffer> r = app.client().post("/v1/text/screen", key, body);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  // --- CSV export ------------------------------------------------------------------------

  @Test
  void exportIsExcelReadyCsvWithQuotingAndFormulasNeutralised() {
    String text = "=HYPERLINK(\"http://x\",\"点我\"), " + BLOCKED;
    screen(app.service().platformKey, new JsonObject().put("text", text).put("authorId", "a1").put("region", "110105"));
    HttpResponse<Buffer> r = app.client().get("/v1/regulator/events/export?platform=demo&from=" + today().minusDays(1)
        + "&to=" + today(), app.service().regulatorKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("text/csv; charset=utf-8", r.getHeader("Content-Type"));
    assertTrue(r.getHeader("Content-Disposition").startsWith("attachment;"), r.getHeader("Content-Disposition"));
    byte[] bytes = r.body().getBytes();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 BOM");

    List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    assertEquals(EventCsv.HEADER, records.get(0));
    List<String> row = records.stream().skip(1).filter(cells -> cells.get(10).contains("HYPERLINK")).findFirst()
        .orElseThrow(() -> new AssertionError("no row of the screened text in " + records));
    assertEquals("demo", row.get(2));
    assertEquals("text_blocked", row.get(3));
    assertEquals("insult", row.get(4));
    assertEquals("3", row.get(5));
    assertTrue(row.get(7).startsWith("u_"), row::toString);
    assertEquals("110105", row.get(8));
    assertTrue(row.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00"), row.get(1));
    // the masked text keeps its quotes and comma inside one cell, and starts with an apostrophe
    assertTrue(row.get(10).startsWith("'=HYPERLINK(\"http://x\",\"点我\"), 你个***"), row.get(10));
    assertTrue(row.get(10).endsWith("[傻逼]"), row.get(10));
    assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(BLOCKED), "the raw text is never exported");
  }

  @Test
  void aScreenRetriedWithTheSameDataIdIsJournaledOnceAndCarriesIt() {
    String dataId = "comment-" + UUID.randomUUID();
    JsonObject single = new JsonObject().put("text", BLOCKED).put("dataId", dataId).put("platform", "retries");
    screen(app.service().adminKey, single);
    screen(app.service().adminKey, single);
    ok(app.client().post("/v1/text/screen/batch", app.service().adminKey, new JsonObject().put("items", new JsonArray()
        .add(single).add(new JsonObject().put("text", BLOCKED).put("platform", "retries")))));
    screen(app.service().adminKey, new JsonObject().put("text", BLOCKED).put("platform", "retries"));
    JsonArray events = ok(app.client().get("/v1/regulator/events?platform=retries", app.service().regulatorKey))
        .getJsonArray("events");
    assertEquals(3, events.size(), "one event for the dataId, one for each text without: " + events.encode());
    List<JsonObject> withId = events.stream().map(JsonObject.class::cast)
        .filter(e -> dataId.equals(e.getString("dataId"))).toList();
    assertEquals(1, withId.size(), events::encode);
  }

  @Test
  void datesFarOutOfRangeAreInvalidFieldsOnEveryRouteNotErrors() {
    for (String query : List.of("/v1/regulator/summary?from=-999999999-01-01&to=2026-01-01",
        "/v1/regulator/summary?from=2026-01-01&to=+999999999-12-31",
        "/v1/regulator/events?from=1899-12-31", "/v1/regulator/events/export?to=2100-01-01")) {
      assertError(app.client().get(query, app.service().regulatorKey), 400, "invalid_field");
    }
  }

  @Test
  void csvCellsAreQuotedPerRfc4180() {
    assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",'-1,'@x,,plain\r\n",
        Csv.record(java.util.Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", "-1", "@x", null, "plain")));
    assertEquals(List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines")),
        parseCsv(Csv.record(List.of("a", "b,c", "say \"hi\"", "two\nlines"))));
    // full-width signs and leading blanks that spreadsheets fold or strip before reading a formula
    assertEquals("'＝1+1,'＋x,'－x,'＠x,' =1,\"'\n=1\"\r\n",
        Csv.record(List.of("＝1+1", "＋x", "－x", "＠x", " =1", "\n=1")));
  }

  @Test
  void aPlatformKeyExportsOnlyItsOwnEvents() {
    screen(app.service().platformKey, new JsonObject().put("text", BLOCKED));
    screen(app.service().otherPlatformKey, new JsonObject().put("text", BLOCKED));
    assertError(app.client().get("/v1/regulator/events/export?platform=demo", app.service().otherPlatformKey),
        403, "platform_mismatch");
    HttpResponse<Buffer> r = app.client().get("/v1/regulator/events/export", app.service().otherPlatformKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    List<List<String>> rows = parseCsv(r.bodyAsString().substring(1));
    assertTrue(rows.size() > 1, r::bodyAsString);
    rows.stream().skip(1).forEach(row -> assertEquals("other", row.get(2), row::toString));
  }

  @Test
  void exportPagesThroughMoreEventsThanAPage() {
    JsonArray items = new JsonArray();
    IntStream.range(0, 100).forEach(i -> items.add(new JsonObject().put("text", BLOCKED + i).put("platform", "paged")));
    for (int batch = 0; batch < 11; batch++) {
      HttpResponse<Buffer> r = app.client().post("/v1/text/screen/batch", app.service().adminKey,
          new JsonObject().put("items", items));
      assertEquals(200, r.statusCode(), r::bodyAsString);
    }
    HttpResponse<Buffer> r = app.client().get("/v1/regulator/events/export?platform=paged", app.service().adminKey);
    List<List<String>> rows = parseCsv(r.bodyAsString().substring(1));
    assertEquals(1 + 1100, rows.size());
    assertEquals(1100, rows.stream().skip(1).map(row -> row.get(0)).distinct().count(), "no event twice");
  }

  /** RFC 4180, as a spreadsheet reads it. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertEquals(0, cell.length() + record.size(), "the last record ends with CRLF");
    return records;
  }

  // --- quarterly report ------------------------------------------------------------------

  @Test
  void theQuarterlyReportHasTheSummarysFigures() {
    screen(app.service().platformKey, new JsonObject().put("text", BLOCKED));
    screen(app.service().otherPlatformKey, new JsonObject().put("text", BLOCKED));
    LocalDate today = today();
    int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
    LocalDate from = LocalDate.of(today.getYear(), quarter * 3 - 2, 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    String query = "?year=" + today.getYear() + "&quarter=" + quarter;
    String range = "?from=" + from + "&to=" + to;

    JsonObject report = ok(app.client().get("/v1/regulator/reports/quarterly" + query, app.service().regulatorKey));
    assertEquals(from.toString(), report.getString("from"));
    assertEquals(to.toString(), report.getString("to"));
    JsonObject total = summary(range, "", app.service().regulatorKey).getJsonObject(0);
    assertTrue(total.getLong("events") >= 2, total::encode);
    assertEquals(total.getLong("events"), report.getLong("events"));
    assertEquals(total.getLong("mandatoryReports"), report.getLong("mandatoryReports"));
    assertEquals(figures(summary(range, "platform", app.service().regulatorKey), "platform"),
        figures(report.getJsonArray("byPlatform"), "platform"));
    assertEquals(figures(summary(range, "category", app.service().regulatorKey), "category"),
        figures(report.getJsonArray("byCategory"), "category"));
    assertEquals(figures(summary(range, "kind", app.service().regulatorKey), "kind"),
        figures(report.getJsonArray("byKind"), "kind"));
    JsonArray months = report.getJsonArray("byMonth");
    assertEquals(3, months.size());
    for (int m = 0; m < 3; m++) {
      LocalDate first = from.plusMonths(m);
      JsonArray rows = summary("?from=" + first + "&to=" + first.plusMonths(1).minusDays(1), "", app.service().regulatorKey);
      long events = rows.isEmpty() ? 0 : rows.getJsonObject(0).getLong("events");
      assertEquals(first.toString().substring(0, 7), months.getJsonObject(m).getString("month"));
      assertEquals(events, months.getJsonObject(m).getLong("events"), months::encode);
    }

    JsonObject own = ok(app.client().get("/v1/regulator/reports/quarterly" + query, app.service().platformKey));
    assertEquals("demo", own.getString("platform"));
    assertEquals(figures(summary(range, "platform", app.service().platformKey), "platform"),
        figures(own.getJsonArray("byPlatform"), "platform"));
    assertError(app.client().get("/v1/regulator/reports/quarterly" + query + "&platform=other", app.service().platformKey),
        403, "platform_mismatch");
  }

  private static JsonArray summary(String range, String groupBy, String key) {
    return ok(app.client().get("/v1/regulator/summary" + range + "&groupBy=" + groupBy, key)).getJsonArray("rows");
  }

  /** name → "events/mandatoryReports/maxSeverity" */
  private static Map<String, String> figures(JsonArray rows, String name) {
    Map<String, String> figures = new java.util.TreeMap<>();
    rows.forEach(o -> {
      JsonObject row = (JsonObject) o;
      figures.put(row.getString(name), row.getLong("events") + "/" + row.getLong("mandatoryReports") + "/"
          + row.getInteger("maxSeverity"));
    });
    return figures;
  }

  // --- live stream -----------------------------------------------------------------------

  /** An open stream: what it received so far, as text. */
  private record Stream(HttpClient http, HttpClientResponse response, StringBuffer received) implements AutoCloseable {
    static Stream open(String path, String key, String lastEventId) throws Exception {
      HttpClient http = vertx.createHttpClient();
      StringBuffer received = new StringBuffer();
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(app.service().port()).setURI(path).putHeader("Authorization", "Bearer " + key);
      if (lastEventId != null) {
        options.putHeader(EventStream.LAST_EVENT_ID, lastEventId);
      }
      HttpClientResponse response = http.request(options)
          .compose(request -> request.send())
          .map(r -> {
            r.handler(chunk -> received.append(chunk.toString(StandardCharsets.UTF_8)));
            return r;
          })
          .await(10, TimeUnit.SECONDS);
      Stream stream = new Stream(http, response, received);
      // the first comment is sent once the stream is subscribed
      eventually(() -> received.toString().contains(": humiao live events"), "the stream's first comment");
      return stream;
    }

    /** The data of the events received so far, with their ids. */
    List<JsonObject> events() {
      List<JsonObject> events = new ArrayList<>();
      for (String frame : received.toString().split("\n\n")) {
        String id = null;
        for (String line : frame.split("\n")) {
          if (line.startsWith("id: ")) {
            id = line.substring(4);
          } else if (line.startsWith("data: ")) {
            events.add(new JsonObject(line.substring(6)).put("sseId", id));
          }
        }
      }
      return events;
    }

    @Override
    public void close() throws Exception {
      http.close().await(5, TimeUnit.SECONDS);
    }
  }

  static void eventually(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aKeyHoldsAtMostFourStreamsAndARevokedKeysStreamEnds() throws Exception {
    IssuedKey issued = app.service().issuer.issue(Role.REGULATOR, null);
    app.service().store.add(issued.stored());
    eventually(() -> app.client().get("/v1/regulator/events?limit=1", issued.secret()).statusCode() == 200,
        "the new key is loaded");
    List<Stream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        streams.add(Stream.open("/v1/regulator/stream", issued.secret(), null));
      }
      HttpResponse<Buffer> fifth = app.client().get("/v1/regulator/stream", issued.secret());
      assertError(fifth, 429, "too_many_streams");
      assertTrue(fifth.getHeader("Retry-After") != null, "no Retry-After");

      java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
      streams.forEach(s -> s.response().endHandler(v -> ended.incrementAndGet()));
      app.service().store.revoke(issued.stored().id());
      eventually(() -> ended.get() == 4, "every stream of the revoked key ended");
    } finally {
      for (Stream s : streams) {
        s.close();
      }
    }
  }

  @Test
  void aStreamDeliversNewEventsWithinTheKeysScopeAndFilter() throws Exception {
    try (Stream regulator = Stream.open("/v1/regulator/stream?minSeverity=3", app.service().regulatorKey, null);
         Stream other = Stream.open("/v1/regulator/stream", app.service().otherPlatformKey, null);
         Stream severe = Stream.open("/v1/regulator/stream?minSeverity=4", app.service().regulatorKey, null)) {
      assertEquals(200, regulator.response().statusCode());
      assertEquals("text/event-stream; charset=utf-8", regulator.response().getHeader("Content-Type"));
      screen(app.service().platformKey, new JsonObject().put("text", BLOCKED).put("region", "310000"));
      screen(app.service().otherPlatformKey, new JsonObject().put("text", BLOCKED));

      eventually(() -> regulator.events().size() >= 2, "two events on the regulator's stream");
      List<JsonObject> events = regulator.events();
      assertEquals("demo", events.get(0).getString("platform"));
      assertEquals("310000", events.get(0).getString("region"));
      assertEquals("other", events.get(1).getString("platform"));
      assertEquals(events.get(0).getString("cursor"), events.get(0).getString("sseId"));

      eventually(() -> !other.events().isEmpty(), "an event on the platform's stream");
      assertEquals("other", other.events().get(0).getString("platform"), "a platform sees its own events only");
      assertEquals(events.get(1).getString("id"), other.events().get(0).getString("id"));
      assertNotEquals(events.get(1).getString("cursor"), other.events().get(0).getString("cursor"),
          "each view has cursors of its own");
      assertTrue(severe.events().isEmpty(), "severity 3 is below minSeverity 4");
    }
    assertError(app.client().get("/v1/regulator/stream?platform=demo", app.service().otherPlatformKey), 403, "platform_mismatch");
  }

  @Test
  void lastEventIdReplaysWhatTheStreamMissedOnce() throws Exception {
    JsonObject first = screenedEvent();
    JsonObject second = screenedEvent();
    try (Stream stream = Stream.open("/v1/regulator/stream?platform=demo", app.service().regulatorKey,
        first.getString("cursor"))) {
      JsonObject third = screenedEvent();
      eventually(() -> stream.events().stream().anyMatch(e -> e.getString("id").equals(third.getString("id"))),
          "the live event");
      List<String> ids = stream.events().stream().map(e -> e.getString("id")).toList();
      assertEquals(List.of(second.getString("id"), third.getString("id")), ids);
    }
    assertError(Client.await(app.client().request(HttpMethod.GET, "/v1/regulator/stream", app.service().otherPlatformKey)
        .putHeader(EventStream.LAST_EVENT_ID, first.getString("cursor")).send()), 400, "invalid_field");
  }

  /** Screens a blocked text as the demo platform and answers its event as the regulator lists it. */
  private static JsonObject screenedEvent() {
    screen(app.service().platformKey, new JsonObject().put("text", BLOCKED));
    return ok(app.client().get("/v1/regulator/events?platform=demo&limit=1", app.service().regulatorKey)).getJsonArray("events")
        .getJsonObject(0);
  }

  @Test
  void cursorsPageAViewsOwnEventsAndShowNothingOfOthers() {
    for (int i = 0; i < 3; i++) {
      screen(app.service().platformKey, new JsonObject().put("text", BLOCKED));
      screen(app.service().otherPlatformKey, new JsonObject().put("text", BLOCKED));
    }
    JsonArray all = ok(app.client().get("/v1/regulator/events?limit=1000", app.service().platformKey)).getJsonArray("events");
    List<String> paged = new ArrayList<>();
    String before = null;
    do {
      JsonObject page = ok(app.client().get("/v1/regulator/events?limit=2" + (before == null ? "" : "&before=" + before),
          app.service().platformKey));
      page.getJsonArray("events").forEach(e -> paged.add(((JsonObject) e).getString("id")));
      before = page.getString("nextBefore");
      if (before != null) {
        assertFalse(before.matches("[0-9]+"), "a cursor, not a journal offset: " + before);
      }
    } while (before != null);
    assertEquals(all.stream().map(e -> ((JsonObject) e).getString("id")).toList(), paged,
        "paging by cursors walks the platform's events, each once");
    for (Object e : all) {
      JsonObject event = (JsonObject) e;
      assertFalse(event.containsKey("offset"), "no journal offset in a platform's listing");
      assertTrue(event.getString("cursor").matches("[A-Za-z0-9_-]{22}"), event.getString("cursor"));
    }
    String demoCursor = all.getJsonObject(0).getString("cursor");
    assertError(app.client().get("/v1/regulator/events?before=" + demoCursor, app.service().otherPlatformKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events?before=" + demoCursor, app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events?before=12", app.service().platformKey), 400, "invalid_field");
  }

  @Test
  void aClientThatDoesNotReadIsDroppedAndCounted() throws Exception {
    Counter dropped = app.service().service.components().registry().get("humiao.stream.dropped").counter();
    Gauge open = app.service().service.components().registry().get("humiao.stream.subscribers").gauge();
    double droppedBefore = dropped.count();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", app.service().port()));
      OutputStream out = socket.getOutputStream();
      out.write(("GET /v1/regulator/stream?platform=bulk HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + app.service().regulatorKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      eventually(() -> open.value() >= 1, "the stream to open");
      // 40 MB of events, far past what the kernel's buffers and the write queue hold
      JsonObject evidence = new JsonObject().put("masked", "*".repeat(400_000));
      for (int batch = 0; batch < 10 && dropped.count() == droppedBefore; batch++) {
        List<ViolationEvent> events = IntStream.range(0, 10).mapToObj(i -> ViolationEvent.builder("bulk",
            ViolationEvent.Kind.TEXT_BLOCKED).time(Instant.now()).category("insult", 3).rule("term").evidence(evidence).build())
            .toList();
        app.service().service.components().state().events().journal().appendAll(events).join();
      }
      eventually(() -> dropped.count() == droppedBefore + 1, "the slow stream to be dropped");
      eventually(() -> open.value() == 0, "the dropped stream to be let go");
    }
  }

  // --- dashboard -------------------------------------------------------------------------

  @Test
  void theDashboardIsPublicStaticAndUnderAStrictPolicy() {
    for (String asset : List.of("/dashboard", "/dashboard/", "/dashboard/app.js", "/dashboard/app.css", "/dashboard/labels.json",
        "/dashboard/dist/echarts.min.js")) {
      HttpResponse<Buffer> r = app.client().get(asset, null);
      assertEquals(200, r.statusCode(), asset);
      assertEquals(StrictPage.CSP, r.getHeader("Content-Security-Policy"), asset);
      assertTrue(r.getHeader("Content-Security-Policy").startsWith("default-src 'self'"));
      assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), asset);
    }
    String page = app.client().get("/dashboard/", null).bodyAsString();
    assertTrue(page.contains("监管控制台"), page);
    assertFalse(page.contains("<script>") || page.matches("(?s).*<script[^>]*>[^<]+</script>.*"), "no inline script");
    assertTrue(app.client().get("/dashboard/", null).getHeader("Content-Type").startsWith("text/html"));
    JsonObject labels = app.client().get("/dashboard/labels.json", null).bodyAsJsonObject();
    for (ViolationEvent.Kind kind : ViolationEvent.Kind.values()) {
      assertTrue(labels.getJsonObject("kinds").containsKey(kind.id()), kind.id());
    }
    for (org.humiao.screening.Category category : org.humiao.screening.Category.values()) {
      assertTrue(labels.getJsonObject("categories").containsKey(category.id()), category.id());
    }
    for (CaseStatus status : CaseStatus.values()) {
      assertTrue(labels.getJsonObject("caseStatuses").containsKey(status.id()), status.id());
      // the page offers exactly the steps the server takes
      Set<String> steps = Arrays.stream(CaseStatus.values()).filter(status::mayBecome).map(CaseStatus::id)
          .collect(Collectors.toSet());
      assertEquals(steps, Set.copyOf(labels.getJsonObject("caseSteps").getJsonArray(status.id()).getList()), status.id());
    }
    for (Agency agency : Agency.values()) {
      assertEquals(agency.label(), labels.getJsonObject("agencies").getString(agency.id()), agency.id());
    }
    assertError(app.client().get("/dashboard/dist/missing.js", null), 404, "not_found");
    assertError(app.client().get("/dashboard/missing.js", null), 404, "not_found");
    assertError(app.client().get("/dashboard/..%2f..%2fpom.xml", null), 404, "not_found");
  }

  // --- bad parameters --------------------------------------------------------------------

  @Test
  void badParametersAreInvalidFields() {
    String key = app.service().regulatorKey;
    assertError(app.client().get("/v1/regulator/events/export?from=2026-13-01", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events/export?from=2026-02-01&to=2026-01-01", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events/export?kind=mystery", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/events/export?minSeverity=high", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/stream?minSeverity=-1", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/stream?kind=mystery", key), 400, "invalid_field");
    assertError(Client.await(app.client().request(HttpMethod.GET, "/v1/regulator/stream", key)
        .putHeader(EventStream.LAST_EVENT_ID, "yesterday").send()), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/reports/quarterly?year=2026&quarter=5", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/reports/quarterly?year=twenty&quarter=1", key), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/reports/quarterly?quarter=1", key), 400, "missing_field");
    assertError(app.client().get("/v1/regulator/reports/quarterly?year=2026&quarter=1", null), 401, "unauthorized");
  }
}
