package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.compliance.ComplianceReport;
import org.humiao.compliance.Denominator;
import org.humiao.compliance.DenominatorStore;
import org.humiao.compliance.DenominatorTally;
import org.humiao.compliance.FileDenominatorStore;
import org.humiao.compliance.TallyKey;
import org.humiao.events.ViolationEvent;
import org.humiao.events.ViolationEvent.Kind;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalOptions;
import org.humiao.events.summary.ViolationSummaries;
import org.humiao.http.StrictPage;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance report over a generated month: events of several platforms, regions and kinds are
 * journaled and screened-text and minor-mode session counts stored before the service starts; the
 * report's figures, rates and ranking must equal what this test counts from the generated data
 * itself, for a national, a city and a county key; then CSV, the printable page (also in headless
 * Chromium: screenshot {@code target/compliance-report.png}), the live counts of screened texts and
 * of minor-mode sessions, and bad queries.
 */
class ComplianceHttpTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 11, 30);
  private static final String MONTH = "from=" + FIRST + "&to=" + LAST;
  private static final List<String> PLATFORMS = List.of("alpha", "beta", "gamma", "delta");
  /** delta screens nothing here: its rates have no denominator. */
  private static final List<String> SCREENING = List.of("alpha", "beta", "gamma");
  /** gamma and delta ask for no minor-mode session here: their refusal rates per session have no denominator. */
  private static final List<String> PLAYING = List.of("alpha", "beta");
  /** 隆阳区 and 施甸县 (保山市), 昭阳区 (昭通市), 壤塘县 (四川); null: an event naming none. */
  private static final List<String> REGIONS = java.util.Arrays.asList("530502", "530521", "530602", "513230", null);
  /** alpha's keys are of 施甸县: its texts that named no region count there. */
  private static final String ALPHA_DEFAULT = "530521";
  private static final List<Kind> KINDS = List.of(Kind.TEXT_BLOCKED, Kind.TEXT_BLOCKED, Kind.TEXT_REVIEW,
      Kind.REPOST_BLOCKED, Kind.CURFEW_ATTEMPT, Kind.QUOTA_EXCEEDED, Kind.PAYMENT_REFUSED, Kind.TIP_REFUSED,
      Kind.PLATFORM_NONCOMPLIANCE, Kind.BULLYING_SURGE, Kind.TARGET_PROTECTED, Kind.REVIEW_CONFIRMED,
      Kind.REVIEW_OVERTURNED);
  private static final List<String> TASK_KINDS = List.of("screen", "appeal", "report");

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of()).seeded(ComplianceHttpTest::seed);
  static final List<ViolationEvent> EVENTS = new ArrayList<>();
  static final Map<TallyKey, Long> SCREENED = new HashMap<>();
  /** Sessions name no region: they count in their platform's (alpha's keys'), or only nationally. */
  static final Map<TallyKey, Long> SESSIONS = new HashMap<>();
  static String cityKey;
  static String countyKey;

  /** The generated month, journaled and counted in the data dir before the service starts. */
  private static void seed(Path dir) throws Exception {
    generate(new Random(17));
    Path data = dir.resolve("data");
    try (Journal journal = Journal.open(JournalOptions.defaults(data), batch -> { })) {
      journal.appendAll(EVENTS).get(30, TimeUnit.SECONDS);
    }
    store(data, Denominator.SCREENED_TEXTS, SCREENED);
    store(data, Denominator.MINOR_SESSIONS, SESSIONS);
  }

  @BeforeAll
  static void start() throws Exception {
    IssuedKey city = app.service().issuer.issue(Role.REGULATOR, null, "530500");
    IssuedKey county = app.service().issuer.issue(Role.REGULATOR, null, "513230");
    IssuedKey alpha = app.service().issuer.issue(Role.PLATFORM, "alpha", ALPHA_DEFAULT);
    app.service().store.add(city.stored());
    app.service().store.add(county.stored());
    app.service().store.add(alpha.stored());
    cityKey = city.secret();
    countyKey = county.secret();
    eventually(() -> app.client().get("/v1/regulator/compliance?" + MONTH, countyKey).statusCode() == 200
        && app.client().get("/v1/lexicons", alpha.secret()).statusCode() == 200, "the new keys are loaded");
  }

  private static void store(Path data, Denominator denominator, Map<TallyKey, Long> counts) throws Exception {
    try (DenominatorStore store = FileDenominatorStore.open(data, denominator)) {
      Map<LocalDate, Map<TallyKey, Long>> byDay = new TreeMap<>();
      counts.forEach((key, n) -> byDay.computeIfAbsent(key.day(), d -> new HashMap<>()).put(key, n));
      byDay.values().forEach(store::add);
    }
  }

  /** A month of events at random times, and one on each side of it; screened counts per day, platform and region. */
  private static void generate(Random random) {
    Instant start = FIRST.atStartOfDay(ViolationSummaries.ZONE).toInstant();
    long month = LAST.plusDays(1).atStartOfDay(ViolationSummaries.ZONE).toInstant().getEpochSecond() - start.getEpochSecond();
    for (int i = 0; i < 3000; i++) {
      EVENTS.add(event(random, start.plusSeconds((long) (random.nextDouble() * month))));
    }
    EVENTS.add(event(random, start.minusSeconds(1)));
    EVENTS.add(event(random, start.plusSeconds(month)));
    for (LocalDate day = FIRST.minusDays(1); !day.isAfter(LAST.plusDays(1)); day = day.plusDays(1)) {
      for (String platform : SCREENING) {
        for (String region : REGIONS) {
          SCREENED.put(new TallyKey(day, platform, region), 100L + random.nextInt(5000));
        }
      }
      for (String platform : PLAYING) {
        SESSIONS.put(new TallyKey(day, platform, null), 10L + random.nextInt(500));
      }
    }
  }

  private static ViolationEvent event(Random random, Instant time) {
    Kind kind = KINDS.get(random.nextInt(KINDS.size()));
    JsonObject evidence = new JsonObject();
    if (kind == Kind.TARGET_PROTECTED) {
      evidence.put("secondsSinceSurge", (long) random.nextInt(7200));
    } else if (kind == Kind.REVIEW_CONFIRMED || kind == Kind.REVIEW_OVERTURNED) {
      evidence.put("taskKind", TASK_KINDS.get(random.nextInt(TASK_KINDS.size())))
          .put("handlingSeconds", (long) random.nextInt(2 * 86_400));
    }
    return ViolationEvent.builder(PLATFORMS.get(random.nextInt(PLATFORMS.size())), kind)
        .id(UUID.randomUUID().toString())
        .time(time)
        .category(random.nextBoolean() ? "insult" : "threat", random.nextInt(5))
        .rule("generated")
        .region(REGIONS.get(random.nextInt(REGIONS.size())))
        .mandatoryReport(random.nextInt(10) == 0)
        .evidence(evidence)
        .build();
  }

  /** One platform's figures, counted here from the generated data. */
  private static final class Expected {
    final String platform;
    long screened;
    long sessions;
    long violations;
    long curfew;
    long quota;
    long payment;
    long noncompliance;
    long mandatory;
    long handled;
    long handledIn24h;
    long overturned;
    long surges;
    final List<Long> protection = new ArrayList<>();

    Expected(String platform) {
      this.platform = platform;
    }

    Double rate(long n) {
      return rate(n, screened);
    }

    static Double rate(long n, long denominator) {
      return denominator == 0 ? null : Math.round(n * 10_000.0 * 100 / denominator) / 100.0;
    }

    Long median() {
      List<Long> sorted = protection.stream().sorted().toList();
      return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    }
  }

  private static List<Expected> expected(Predicate<String> inScope) {
    Instant from = FIRST.atStartOfDay(ViolationSummaries.ZONE).toInstant();
    Instant to = LAST.plusDays(1).atStartOfDay(ViolationSummaries.ZONE).toInstant();
    Map<String, Expected> all = new TreeMap<>();
    SCREENED.forEach((key, n) -> {
      if (inMonthAndScope(key, inScope)) {
        all.computeIfAbsent(key.platform(), Expected::new).screened += n;
      }
    });
    SESSIONS.forEach((key, n) -> {
      if (inMonthAndScope(key, inScope)) {
        all.computeIfAbsent(key.platform(), Expected::new).sessions += n;
      }
    });
    for (ViolationEvent e : EVENTS) {
      if (e.time().isBefore(from) || !e.time().isBefore(to) || !inScope.test(e.region())) {
        continue;
      }
      Expected x = all.computeIfAbsent(e.platform(), Expected::new);
      x.mandatory += e.mandatoryReport() ? 1 : 0;
      JsonObject ev = e.evidence();
      switch (e.kind()) {
        case TEXT_BLOCKED, TEXT_REVIEW, REPOST_BLOCKED -> x.violations++;
        case CURFEW_ATTEMPT -> x.curfew++;
        case QUOTA_EXCEEDED -> x.quota++;
        case PAYMENT_REFUSED, TIP_REFUSED -> x.payment++;
        case PLATFORM_NONCOMPLIANCE -> x.noncompliance++;
        case BULLYING_SURGE -> x.surges++;
        case TARGET_PROTECTED -> x.protection.add(ev.getLong("secondsSinceSurge"));
        default -> {
          if ("report".equals(ev.getString("taskKind"))) {
            x.handled++;
            x.handledIn24h += ev.getLong("handlingSeconds") <= 86_400 ? 1 : 0;
          } else if ("appeal".equals(ev.getString("taskKind")) && e.kind() == Kind.REVIEW_OVERTURNED) {
            x.overturned++;
          }
        }
      }
    }
    Comparator<Double> rate = Comparator.nullsLast(Comparator.reverseOrder());
    return all.values().stream().sorted(Comparator.comparingLong((Expected x) -> -x.noncompliance)
        .thenComparing(x -> x.rate(x.mandatory), rate)
        .thenComparing(x -> x.rate(x.violations), rate)
        .thenComparing(x -> x.platform)).toList();
  }

  private static boolean inMonthAndScope(TallyKey key, Predicate<String> inScope) {
    String region = key.region() == null && key.platform().equals("alpha") ? ALPHA_DEFAULT : key.region();
    return !key.day().isBefore(FIRST) && !key.day().isAfter(LAST) && inScope.test(region);
  }

  private static void assertReport(JsonObject report, List<Expected> expected, boolean national) {
    JsonArray rows = report.getJsonArray("platforms");
    assertEquals(expected.stream().map(x -> x.platform).toList(),
        rows.stream().map(r -> ((JsonObject) r).getString("platform")).toList(), "the ranking");
    for (int i = 0; i < expected.size(); i++) {
      Expected x = expected.get(i);
      JsonObject row = rows.getJsonObject(i);
      String p = x.platform;
      assertEquals(i + 1, row.getInteger("rank"), p);
      assertEquals(x.screened, row.getLong("screened"), p + " screened");
      assertEquals(x.violations, row.getLong("violations"), p + " violations");
      assertEquals(x.rate(x.violations), row.getDouble("per10k"), p + " per10k");
      assertEquals(x.curfew, row.getLong("curfewRefusals"), p);
      assertEquals(x.quota, row.getLong("quotaRefusals"), p);
      assertEquals(x.payment, row.getLong("paymentRefusals"), p);
      assertEquals(x.noncompliance, row.getLong("noncompliance"), p);
      assertEquals(x.mandatory, row.getLong("mandatoryReports"), p);
      assertEquals(x.rate(x.mandatory), row.getDouble("mandatoryReportsPer10k"), p);
      assertEquals(national ? Long.valueOf(0) : null, row.getLong("reviewBacklog"), p + " backlog (no tasks here)");
      assertEquals(x.handled, row.getLong("reportsHandled"), p);
      assertEquals(x.handledIn24h, row.getLong("reportsHandledWithin24h"), p);
      assertEquals(x.overturned, row.getLong("appealsOverturned"), p);
      assertEquals(x.surges, row.getLong("surges"), p);
      assertEquals(x.median(), row.getLong("medianSecondsToProtection"), p);
      assertEquals(x.sessions, row.getLong("minorSessions"), p + " sessions");
      assertEquals(Expected.rate(x.curfew, x.sessions), row.getDouble("curfewRefusalsPer10kSessions"), p);
      assertEquals(Expected.rate(x.quota, x.sessions), row.getDouble("quotaRefusalsPer10kSessions"), p);
    }
  }

  @Test
  void theMonthsRankingMatchesTheGeneratedEventsForANationalACityAndACountyKey() {
    JsonObject national = ok(app.client().get("/v1/regulator/compliance?" + MONTH, app.service().regulatorKey));
    assertEquals(FIRST.toString(), national.getString("from"));
    assertEquals(LAST.toString(), national.getString("to"));
    assertEquals(null, national.getJsonObject("scope").getString("region"));
    assertEquals(ComplianceReport.METHOD, national.getString("method"));
    List<Expected> all = expected(region -> true);
    assertEquals(4, all.size(), "every platform has events");
    assertReport(national, all, true);
    assertTrue(all.stream().anyMatch(x -> x.rate(x.violations) == null), "delta has no denominator: " + national);
    assertTrue(all.stream().filter(x -> x.sessions > 0 && x.curfew > 0).count() == 2, "rates per session: " + national);
    assertReport(ok(app.client().get("/v1/regulator/compliance?" + MONTH, app.service().adminKey)), all, true);

    JsonObject city = ok(app.client().get("/v1/regulator/compliance?" + MONTH, cityKey));
    assertEquals("530500", city.getJsonObject("scope").getString("region"));
    List<Expected> inCity = expected(region -> region != null && region.startsWith("5305"));
    assertReport(city, inCity, false);
    assertEquals(List.of("alpha"), inCity.stream().filter(x -> x.sessions > 0).map(x -> x.platform).toList(),
        "only alpha's sessions have a region (its keys'), in 保山市");
    JsonObject county = ok(app.client().get("/v1/regulator/compliance?" + MONTH, countyKey));
    assertReport(county, expected("513230"::equals), false);

    // one day, the last: the range is inclusive
    JsonObject lastDay = ok(app.client().get("/v1/regulator/compliance?from=" + LAST + "&to=" + LAST, app.service().regulatorKey));
    long events = EVENTS.stream().filter(e -> LocalDate.ofInstant(e.time(), ViolationSummaries.ZONE).equals(LAST)
        && Kind.TEXT_BLOCKED == e.kind()).count();
    assertTrue(events > 0);
    assertEquals(SCREENED.entrySet().stream().filter(e -> e.getKey().day().equals(LAST)).mapToLong(Map.Entry::getValue).sum(),
        lastDay.getJsonArray("platforms").stream().mapToLong(r -> ((JsonObject) r).getLong("screened")).sum());
  }

  @Test
  void theCsvHoldsTheJsonsRowsUnderTheFieldNames() {
    JsonObject json = ok(app.client().get("/v1/regulator/compliance?" + MONTH, cityKey));
    HttpResponse<Buffer> r = app.client().get("/v1/regulator/compliance?" + MONTH + "&format=csv", cityKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertTrue(r.getHeader("Content-Type").startsWith("text/csv"));
    assertEquals("attachment; filename=\"humiao-compliance-2026-11-01-2026-11-30.csv\"", r.getHeader("Content-Disposition"));
    String body = r.bodyAsString(StandardCharsets.UTF_8.name());
    assertTrue(body.startsWith("\uFEFF"), "a BOM for Excel");
    List<List<String>> rows = RegulatorViewsHttpTest.parseCsv(body.substring(1));
    JsonArray platforms = json.getJsonArray("platforms");
    assertEquals(platforms.size() + 1, rows.size());
    List<String> header = rows.get(0);
    assertEquals(List.copyOf(platforms.getJsonObject(0).fieldNames()).size(), header.size());
    for (int i = 0; i < platforms.size(); i++) {
      JsonObject row = platforms.getJsonObject(i);
      for (int c = 0; c < header.size(); c++) {
        Object value = row.getValue(header.get(c));
        assertEquals(value == null ? "" : value.toString(), rows.get(i + 1).get(c), header.get(c) + " of row " + i);
      }
    }
  }

  @Test
  void thePrintableReportStatesPeriodScopeAndMethodUnderTheStrictPolicy() throws Exception {
    HttpResponse<Buffer> r = app.client().get("/v1/regulator/compliance?" + MONTH + "&format=html", cityKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertTrue(r.getHeader("Content-Type").startsWith("text/html"));
    String html = r.bodyAsString(StandardCharsets.UTF_8.name());
    assertPrintable(r, html);
    for (String shown : List.of("平台未成年人保护合规情况通报", "2026-11-01 至 2026-11-30", "保山市（530500）",
        ComplianceReport.METHOD, "强制报告/万条")) {
      assertTrue(html.contains(shown), shown + " in " + html);
    }
    JsonObject json = ok(app.client().get("/v1/regulator/compliance?" + MONTH, cityKey));
    assertEquals(json.getJsonArray("platforms").size(), html.split("<tr>", -1).length - 2, "a row per platform and the header");
    assertFalse(html.contains("壤塘"), "nothing of another region");

    HttpResponse<Buffer> quarterly = app.client().get("/v1/regulator/reports/quarterly?year=2026&quarter=4&format=html", cityKey);
    assertEquals(200, quarterly.statusCode(), quarterly::bodyAsString);
    String q = quarterly.bodyAsString(StandardCharsets.UTF_8.name());
    assertPrintable(quarterly, q);
    JsonObject figures = ok(app.client().get("/v1/regulator/reports/quarterly?year=2026&quarter=4", cityKey));
    assertTrue(q.contains("2026 年第 4 季度") && q.contains("2026-10-01 至 2026-12-31") && q.contains("保山市"), q);
    assertTrue(q.contains("<td>" + figures.getLong("events") + "</td>"), "the quarter's total " + figures);
  }

  /** No script; the dashboard's policy plus exactly the page's own style sheet, by its hash. */
  private static void assertPrintable(HttpResponse<Buffer> r, String html) throws Exception {
    assertFalse(html.toLowerCase().contains("<script"), html);
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    assertTrue(style.find(), html);
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
    assertEquals(StrictPage.CSP + "; style-src 'sha256-" + hash + "'", r.getHeader("Content-Security-Policy"));
    assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
    assertEquals("no-store", r.getHeader("Cache-Control"));
  }

  @Test
  void thePrintableReportRendersInChromiumWithItsStyleAllowed() throws Exception {
    ChromeDriver browser = HeadlessChromium.open();
    try {
      browser.executeCdpCommand("Network.enable", Map.of());
      browser.executeCdpCommand("Network.setExtraHTTPHeaders",
          Map.of("headers", Map.of("Authorization", "Bearer " + app.service().regulatorKey)));
      browser.get("http://127.0.0.1:" + app.service().port() + "/v1/regulator/compliance?" + MONTH + "&format=html");
      assertEquals("平台未成年人保护合规情况通报", browser.findElement(By.tagName("h1")).getText());
      assertEquals(PLATFORMS.size(), browser.findElements(By.cssSelector("tbody tr")).size());
      // the style sheet ran: blocked by the policy, headings would have no background
      assertEquals("rgba(238, 238, 238, 1)", browser.findElement(By.tagName("th")).getCssValue("background-color"));
      HeadlessChromium.screenshot(browser, "compliance-report.png");
      LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
      browser.get("http://127.0.0.1:" + app.service().port() + "/v1/regulator/reports/quarterly?year=" + today.getYear()
          + "&quarter=" + today.get(IsoFields.QUARTER_OF_YEAR) + "&format=html");
      assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("未成年人网络保护季报"));
      HeadlessChromium.screenshot(browser, "quarterly-report.png");
    } finally {
      browser.quit();
    }
  }

  @Test
  void textsScreenedNowAreCountedWithinSecondsBlockedOrNot() {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    for (String text : List.of("你个傻*逼", "今天一起开黑吗", "作业写完了")) {
      ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", text).put("region", "530502")));
    }
    String path = "/v1/regulator/compliance?from=" + today + "&to=" + today;
    eventually(() -> demo(ok(app.client().get(path, cityKey))) != null
        && demo(ok(app.client().get(path, cityKey))).getLong("screened") == 3, "three texts counted for demo");
    JsonObject row = demo(ok(app.client().get(path, cityKey)));
    assertEquals(1, row.getLong("violations"));
    assertEquals(3333.33, row.getDouble("per10k"));
    assertEquals(null, demo(ok(app.client().get(path, countyKey))), "not in 壤塘县");
  }

  @Test
  void minorModeSessionsAskedForNowAreCountedWithinSecondsAndAnAdultsAreNot() {
    LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
    String path = "/v1/regulator/compliance?from=" + today + "&to=" + today;
    long before = sessions(ok(app.client().get(path, app.service().regulatorKey)));
    attest("minor-1", LocalDate.now(ViolationSummaries.ZONE).minusYears(12));
    attest("adult-1", LocalDate.now(ViolationSummaries.ZONE).minusYears(30));
    // allowed or refused (the test runs at any hour), a minor's session counts; an adult's is not minor mode's
    for (String[] call : new String[][] {{"minor-1", "s1"}, {"minor-1", "s2"}, {"adult-1", "s3"}}) {
      ok(app.client().post("/v1/play/authorize", app.service().platformKey, new JsonObject().put("user", call[0])
          .put("session", call[1])));
    }
    eventually(() -> sessions(ok(app.client().get(path, app.service().regulatorKey))) == before + 2, "two sessions counted for demo");
    try {
      Thread.sleep(2 * DenominatorTally.FLUSH_INTERVAL.toMillis() + 500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertEquals(before + 2, sessions(ok(app.client().get(path, app.service().regulatorKey))), "the adult's was not counted");
  }

  private static void attest(String user, LocalDate birth) {
    ok(app.client().post("/v1/attestations", app.service().platformKey, new JsonObject().put("user", user).put("kind", "resident-id")
        .put("idNumber", ResidentIds.residentId(birth))));
  }

  private static long sessions(JsonObject report) {
    JsonObject row = demo(report);
    return row == null ? 0 : row.getLong("minorSessions");
  }

  private static JsonObject demo(JsonObject report) {
    return report.getJsonArray("platforms").stream().map(JsonObject.class::cast)
        .filter(r -> Objects.equals(r.getString("platform"), LocalService.PLATFORM)).findFirst().orElse(null);
  }

  @Test
  void badQueriesAreRefusedAsTheSummarysAreAndOnlyRegulatorsRead() {
    assertError(app.client().get("/v1/regulator/compliance?from=2026-11-30&to=2026-11-01", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/compliance?from=2025-01-01&to=2026-01-02", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/compliance?from=2026-13-01", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/compliance?format=pdf", app.service().regulatorKey), 400, "invalid_field");
    assertError(app.client().get("/v1/regulator/reports/quarterly?year=2026&quarter=4&format=csv", app.service().regulatorKey), 400,
        "invalid_field");
    assertError(app.client().get("/v1/regulator/compliance", app.service().platformKey), 403, "forbidden");
    assertEquals(200, app.client().get("/v1/regulator/compliance?from=2025-01-01&to=2026-01-01", app.service().regulatorKey).statusCode(),
        "366 days");
  }
}
