package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalOptions;
import org.humiao.regions.RegionTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.humiao.server.CasesHttpTest.regulator;
import static org.humiao.server.RegulatorViewsHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regulators' console in a real browser ({@link HeadlessChromium}), over a service whose journal
 * holds the events of {@code console/events.tsv}: each view shows what the table says it must
 * (counted here, independently of the page), a case step taken through the page is the case's
 * step in the API, and each view leaves a screenshot in target/console-VIEW.png. The live feed's
 * test runs second, on top of those events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String BLOCKED = "你个傻*逼";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final List<String> REFUSALS = List.of("curfew_attempt", "quota_exceeded", "payment_refused", "tip_refused");

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of()).seeded(DashboardBrowserTest::writeJournal);
  static ChromeDriver browser;
  static List<Line> lines;

  /** A line of console/events.tsv: {@code count} events, a minute apart, from the given Beijing hour. */
  record Line(int daysAgo, int hour, String platform, String kind, String category, int severity, String region,
              int count) {
    static Line parse(String tsv) {
      String[] f = tsv.split("\t");
      return new Line(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4], Integer.parseInt(f[5]), f[6],
          Integer.parseInt(f[7]));
    }

    LocalDate day() {
      return LocalDate.now(BEIJING).minusDays(daysAgo);
    }

    List<ViolationEvent> events(int line) {
      ViolationEvent.Kind k = ViolationEvent.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
      List<ViolationEvent> events = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        events.add(SampleEvents.event("console-" + line + "-" + i, day().atTime(hour, i).atZone(BEIJING).toInstant(),
            platform, k, category, severity, region));
      }
      return events;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.open();
  }

  /** The table's events, journaled before the service starts: it counts them and opens their cases on start. */
  private static void writeJournal(Path dir) throws IOException {
    lines = Files.readAllLines(Path.of("src/test/resources/console/events.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Line::parse).toList();
    List<ViolationEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      events.addAll(lines.get(i).events(i));
    }
    try (Journal journal = Journal.open(JournalOptions.defaults(dir.resolve("data")), entries -> {})) {
      journal.appendAll(events).join();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
  }

  // --- the views over the table's events ---------------------------------------------------

  @Test
  @Order(1)
  void eachViewShowsTheEventsOfTheTableAndACaseStepTakenOnThePageIsTheCasesStep() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    eventually(() -> cases(app.service().regulatorKey).size() == total(l -> l.severity() == 4), "the cases opened on start");
    login(wait, app.service().regulatorKey);

    // overview: the totals
    waitForView(wait, "overview");
    assertEquals(Long.toString(total(l -> true)), text("total-events"));
    assertEquals(Long.toString(total(l -> l.severity() == 4)), text("total-mandatory"));
    String from = browser.findElement(By.id("from")).getDomProperty("value");
    String to = browser.findElement(By.id("to")).getDomProperty("value");
    assertEquals(total(l -> true), apiTotal(from, to), "the API counts the same");
    screenshot("overview");

    // trend: one stacked series per category, a value per Beijing day of the range
    show(wait, "trend");
    List<LocalDate> days = LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).toList();
    Map<String, List<Long>> trend = new TreeMap<>();
    for (Line l : lines) {
      List<Long> series = trend.computeIfAbsent(l.category(), c -> new ArrayList<>(days.stream().map(d -> 0L).toList()));
      int day = days.indexOf(l.day());
      series.set(day, series.get(day) + l.count());
    }
    assertEquals(trend, chartSeries("trend-chart"));
    screenshot("trend");

    // regions: the country's provinces, then down to 保山市's counties and the city's own events; the
    // treemap holds the same divisions, each with the divisions under it, and a click on 云南省 drills
    show(wait, "regions");
    assertEquals(regionTotals(null), regionRows(), "provinces");
    assertEquals(Set.of("云南省", "江苏省", "四川省", "北京市"), Set.copyOf(texts("#region-table tbody tr td:first-child")));
    assertEquals(treemapOf(null), treemap(), "the treemap of the provinces and their cities");
    screenshot("treemap");
    clickTreemapNode(wait, "530000");
    assertEquals(regionTotals("530000"), regionRows(), "云南省's cities");
    assertEquals(treemapOf("530000"), treemap(), "the treemap of 云南省's cities and their counties");
    browser.findElement(By.cssSelector("#region-table tr[data-code='530500'] button")).click();
    Map<String, Long> baoshan = regionTotals("530500");
    baoshan.put("530500", total(l -> l.region().equals("530500")));
    assertEquals(baoshan, regionRows(), "保山市's counties and its own events");
    assertTrue(texts("#region-table tbody tr td:first-child").contains("隆阳区"), "the table's names");
    assertEquals(Long.toString(total(l -> l.region().equals("530502") && l.severity() == 4)),
        browser.findElement(By.cssSelector("#region-table tr[data-code='530502'] td[data-count=mandatoryReports]")).getText());
    assertEquals(List.of("全国", "云南省", "保山市"), texts("#region-path button"));
    screenshot("regions");

    // ranking: the compliance route's platforms, or 暂无数据 while it is not there
    show(wait, "ranking");
    HttpResponse<Buffer> compliance = app.client().get("/v1/regulator/compliance?from=" + from + "&to=" + to,
        app.service().regulatorKey);
    if (compliance.statusCode() == 404) {
      assertTrue(browser.findElement(By.id("ranking-empty")).isDisplayed());
      assertEquals("暂无数据", text("ranking-empty"));
      assertFalse(browser.findElement(By.id("ranking-table")).isDisplayed());
    } else {
      assertEquals(200, compliance.statusCode(), compliance::bodyAsString);
      JsonArray platforms = compliance.bodyAsJsonObject().getJsonArray("platforms");
      assertEquals(platforms.stream().map(p -> ((JsonObject) p).getString("platform")).toList(),
          browser.findElements(By.cssSelector("#ranking-table tbody tr")).stream().map(r -> r.getDomAttribute("data-id")).toList());
      for (Object p : platforms) {
        JsonObject platform = (JsonObject) p;
        String cell = "#ranking-table tr[data-id='" + platform.getString("platform") + "'] td[data-count=%s]";
        for (String field : List.of("rank", "violations", "mandatoryReports", "surges")) {
          assertEquals(String.format("%,d", platform.getLong(field)),
              browser.findElement(By.cssSelector(String.format(cell, field))).getText(), field);
        }
      }
    }
    screenshot("ranking");

    // cases: the worklist is GET /v1/cases; a step confirmed on the page is the case's step
    show(wait, "cases");
    JsonArray listed = cases(app.service().regulatorKey);
    assertEquals(ids(listed), Set.copyOf(browser.findElements(By.cssSelector("#case-table tbody tr[data-id]")).stream()
        .map(r -> r.getDomAttribute("data-id")).toList()));
    String id = listed.getJsonObject(0).getString("id");
    step(wait, id, "acknowledged", null, "已电话联系平台");
    JsonObject acknowledged = oneCase(id);
    assertEquals("acknowledged", acknowledged.getString("status"));
    JsonObject last = acknowledged.getJsonArray("history").getJsonObject(1);
    assertEquals("已电话联系平台", last.getString("note"));
    step(wait, id, "referred", "education", "转介县教育局");
    JsonObject referred = oneCase(id);
    assertEquals("referred", referred.getString("status"));
    assertEquals("education", referred.getString("agency"));
    assertEquals("教育", browser.findElement(By.cssSelector("#case-table tr[data-id='" + id + "'] td:nth-child(8)")).getText());
    screenshot("cases");

    // the case's history: every step the page took, oldest first, who and when as the API has them
    openHistory(wait, id);
    List<List<String>> history = historyRows(id);
    JsonArray steps = oneCase(id).getJsonArray("history");
    assertEquals(List.of("新建", "已受理", "已转介"), history.stream().map(r -> r.get(2)).toList());
    assertEquals(List.of("—", "已电话联系平台", "转介县教育局"), history.stream().map(r -> r.get(4)).toList());
    assertEquals(List.of("—", "—", "教育"), history.stream().map(r -> r.get(3)).toList());
    assertEquals(steps.stream().map(a -> ((JsonObject) a).getString("by")).toList(),
        history.stream().map(r -> r.get(1)).toList(), "who acted");
    assertEquals(steps.stream().map(a -> beijing(((JsonObject) a).getString("at"))).toList(),
        history.stream().map(r -> r.get(0)).toList(), "when, in Beijing time");
    assertTrue(historyFacts(id).contains("期限 无"), historyFacts(id));
    screenshot("case-history");
    // another case, still new: its deadline is a day after its opening
    String fresh = listed.stream().map(c -> ((JsonObject) c).getString("id")).filter(c -> !c.equals(id)).findFirst()
        .orElseThrow();
    openHistory(wait, fresh);
    JsonObject opened = oneCase(fresh);
    assertEquals(List.of("新建"), historyRows(fresh).stream().map(r -> r.get(2)).toList());
    assertTrue(historyFacts(fresh).contains("期限 " + beijing(opened.getString("deadline"))), historyFacts(fresh));
    assertEquals(Instant.parse(opened.getString("opened")).plus(Duration.ofDays(1)),
        Instant.parse(opened.getString("deadline")), "a new case's day");
    assertTrue(browser.findElements(By.cssSelector("#case-table tr[data-history-of='" + id + "']")).isEmpty(),
        "one history open at a time");

    // minor mode: refusals by Beijing hour, one stacked series per kind; non-compliance by platform
    show(wait, "minor");
    Map<String, List<Long>> hours = new TreeMap<>();
    for (String kind : REFUSALS) {
      Long[] byHour = new Long[24];
      Arrays.fill(byHour, 0L);
      lines.stream().filter(l -> l.kind().equals(kind)).forEach(l -> byHour[l.hour()] += l.count());
      hours.put(kind, List.of(byHour));
    }
    assertEquals(hours, chartSeries("minor-hours-chart"));
    JsonArray byHour = app.client().get("/v1/regulator/summary?groupBy=hour,kind&from=" + from + "&to=" + to,
        app.service().regulatorKey).bodyAsJsonObject().getJsonArray("rows");
    assertEquals(total(l -> REFUSALS.contains(l.kind())), byHour.stream().map(r -> (JsonObject) r)
        .filter(r -> REFUSALS.contains(r.getString("kind"))).mapToLong(r -> r.getLong("events")).sum(),
        "the API counts every refusal in an hour");
    assertEquals(byPlatform("platform_noncompliance"), tableCounts("#noncompliance-table", "td.count"));
    screenshot("minor");

    // pile-ons: surges and protections by platform
    show(wait, "pileon");
    assertEquals(byPlatform("bullying_surge"), tableCounts("#pileon-table", "td[data-count=bullying_surge]"));
    assertEquals(byPlatform("target_protected"), tableCounts("#pileon-table", "td[data-count=target_protected]"));
    screenshot("pileon");

    // a city's key: its own division is the top of the drill-down, nothing from elsewhere
    String city = regulator(app.service(), "530500");
    eventually(() -> app.client().get("/v1/regulator/regions", city).statusCode() == 200, "the city's key is loaded");
    JsonArray names = app.client().get("/v1/regulator/regions", city).bodyAsJsonObject().getJsonArray("regions");
    assertTrue(names.stream().allMatch(r -> ((JsonObject) r).getString("code").startsWith("5305")), names::encode);
    browser.findElement(By.id("logout")).click();
    login(wait, city);
    show(wait, "regions");
    assertEquals(baoshan, regionRows(), "保山市's key starts at its counties");
    assertEquals(List.of("保山市"), texts("#region-path button"));

    // nothing refused by the policy, nothing failed, but the ranking's route that is not there yet
    assertEquals(List.of(), HeadlessChromium.errors(browser).stream()
        .filter(e -> !(e.contains("/v1/regulator/compliance") && e.contains("404"))).toList());
  }

  /** Takes a case's step through its row's button and the confirmation dialog; waits for the row to show it. */
  private static void step(WebDriverWait wait, String id, String status, String agency, String note) {
    browser.findElement(By.cssSelector("#case-table tr[data-id='" + id + "'] button[data-step=" + status + "]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-dialog")));
    assertTrue(text("case-dialog-text").contains("改为"), "the dialog asks first");
    if (agency != null) {
      new Select(browser.findElement(By.id("case-agency"))).selectByValue(agency);
    }
    browser.findElement(By.id("case-note")).sendKeys(note);
    browser.findElement(By.id("case-confirm")).click();
    // the table is drawn anew once the step is taken: a row found just before may be gone
    wait.withMessage("the case's row to read " + status).ignoring(StaleElementReferenceException.class)
        .until(d -> status.equals(d.findElement(
        By.cssSelector("#case-table tr[data-id='" + id + "']")).getDomAttribute("data-status")));
  }

  // --- the live feed, on top of the table's events -------------------------------------------

  @Test
  @Order(2)
  void aRegulatorFiltersByPlatformAndWatchesSevereEventsArrive() throws Exception {
    screen(app.service().platformKey, BLOCKED);
    screen(app.service().platformKey, "再说一遍 " + BLOCKED);
    screen(app.service().otherPlatformKey, BLOCKED);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    login(wait, app.service().regulatorKey);
    assertEquals("护苗 · 监管控制台", browser.getTitle());

    String from = wait.until(d -> d.findElement(By.id("from")).getDomProperty("value"));
    String to = browser.findElement(By.id("to")).getDomProperty("value");
    long all = apiTotal(from, to);
    assertEquals(total(l -> true) + 3, all, "the table's events and the three screened above");
    waitForView(wait, "overview");
    assertEquals(Long.toString(all), text("total-events"));
    assertEquals(Long.toString(total(l -> l.kind().equals("text_blocked")) + 3),
        browser.findElement(By.cssSelector("#by-kind li[data-id=text_blocked] strong")).getText());
    assertTrue(browser.findElement(By.id("by-category")).getText().contains("侮辱谩骂"), "Chinese category labels");

    wait.until(d -> d.findElements(By.cssSelector("#platform option[value=other]")).size() == 1);
    new Select(browser.findElement(By.id("platform"))).selectByValue("other");
    browser.findElement(By.id("apply")).click();
    long other = apiTotal(from, to, "other");
    assertEquals(1, other);
    waitForContent(wait, "total-events", Long.toString(other));
    assertEquals(List.of("other"), browser.findElements(By.cssSelector("#by-platform tr")).stream()
        .map(row -> row.getDomAttribute("data-id")).toList());

    show(wait, "live");
    waitForContent(wait, "live-status", "已连接");
    // markup in a user's text is shown as the text it is, never parsed
    String marker = "<i>实时" + System.nanoTime() + "</i>";
    screen(app.service().otherPlatformKey, marker + " " + BLOCKED);
    WebElement arrived = wait.withMessage("the new severe event in the live feed")
        .until(d -> d.findElements(By.cssSelector("#live-feed li")).stream()
            .filter(li -> li.getText().contains(marker)).findFirst().orElse(null));
    assertTrue(arrived.getText().contains("other"), arrived::getText);
    assertTrue(arrived.getText().contains("文本拦截"), arrived::getText);
    assertTrue(browser.findElements(By.cssSelector("#live-feed i")).isEmpty(), "no element made of the text");
    // the figures follow the live feed
    waitForContent(wait, "total-events", Long.toString(other + 1));
    screenshot("live");
  }

  // --- the page --------------------------------------------------------------------------

  private static void login(WebDriverWait wait, String key) {
    String page = "http://127.0.0.1:" + app.service().port() + "/dashboard";
    browser.get(page);
    browser.executeScript("sessionStorage.clear()");
    browser.get(page);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(key);
    browser.findElement(By.cssSelector("#key-form button")).click();
  }

  /** Shows a view's tab and waits for its data. */
  private static void show(WebDriverWait wait, String view) {
    browser.findElement(By.id("tab-" + view)).click();
    waitForView(wait, view);
  }

  private static void waitForView(WebDriverWait wait, String view) {
    wait.withMessage(() -> "view " + view + " to be ready; error: " + text("error"))
        .until(d -> "ready".equals(d.findElement(By.id("view-" + view)).getDomAttribute("data-state")));
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getDomProperty("textContent");
  }

  private static void waitForContent(WebDriverWait wait, String id, String content) {
    wait.withMessage(() -> "#" + id + " to read " + content + ", it reads " + text(id))
        .until(d -> content.equals(text(id)));
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** What ECharts itself holds: series id → values. */
  private static Map<String, List<Long>> chartSeries(String id) {
    String json = (String) browser.executeScript("return JSON.stringify(echarts.getInstanceByDom("
        + "document.getElementById(arguments[0])).getOption().series.map(s => [s.id, s.data]))", id);
    Map<String, List<Long>> series = new TreeMap<>();
    for (Object s : new JsonArray(json)) {
      JsonArray pair = (JsonArray) s;
      series.put(pair.getString(0), pair.getJsonArray(1).stream().map(v -> ((Number) v).longValue()).toList());
    }
    return series;
  }

  /** The treemap's nodes as ECharts holds them: code → [events, the nodes under it (code → events)]. */
  private static Map<String, Map.Entry<Long, Map<String, Long>>> treemap() {
    String json = (String) browser.executeScript("const tree = (nodes) => (nodes || []).map(n => ["
        + "n.own ? n.code + '*' : n.code, n.value, tree(n.children)]);"
        + "return JSON.stringify(tree(echarts.getInstanceByDom(document.getElementById('region-treemap'))"
        + ".getOption().series[0].data))");
    Map<String, Map.Entry<Long, Map<String, Long>>> nodes = new TreeMap<>();
    for (Object n : new JsonArray(json)) {
      JsonArray node = (JsonArray) n;
      Map<String, Long> under = new TreeMap<>();
      node.getJsonArray(2).forEach(c -> under.put(((JsonArray) c).getString(0), ((JsonArray) c).getLong(1)));
      nodes.put(node.getString(0), Map.entry(node.getLong(1), under));
    }
    return nodes;
  }

  /**
   * What the treemap under {@code parent} (null: the country) must hold, counted from the table: each
   * division with the events under it, and under it its own divisions and its own events (CODE*).
   */
  private static Map<String, Map.Entry<Long, Map<String, Long>>> treemapOf(String parent) {
    Map<String, Map.Entry<Long, Map<String, Long>>> nodes = new TreeMap<>();
    regionTotals(parent).forEach((code, events) -> {
      Map<String, Long> under = new TreeMap<>(regionTotals(code));
      long own = total(l -> l.region().equals(code));
      if (own > 0) {
        under.put(code + "*", own);
      }
      nodes.put(code, Map.entry(events, under));
    });
    return nodes;
  }

  /** Clicks the middle of a division's rectangle in the treemap, as a user would, and waits for the drill. */
  private static void clickTreemapNode(WebDriverWait wait, String code) {
    WebElement map = browser.findElement(By.id("region-treemap"));
    @SuppressWarnings("unchecked")
    Map<String, Number> box = (Map<String, Number>) browser.executeScript("const chart = echarts.getInstanceByDom("
        + "document.getElementById('region-treemap'));"
        + "const data = chart.getModel().getSeriesByIndex(0).getData();"
        + "const node = data.tree.root.children.find(n => data.getRawDataItem(n.dataIndex).code === arguments[0]);"
        + "const l = node.getLayout(); return {x: l.x + l.width / 2, y: l.y + l.height / 2};", code);
    Rectangle rect = map.getRect();
    new Actions(browser)
        .moveToElement(map, box.get("x").intValue() - rect.getWidth() / 2, box.get("y").intValue() - rect.getHeight() / 2)
        .click().perform();
    wait.withMessage("the drill into " + code).until(d -> code.equals(
        d.findElement(By.id("view-regions")).getDomAttribute("data-at")));
  }

  private static void openHistory(WebDriverWait wait, String id) {
    browser.findElement(By.cssSelector("#case-table tr[data-id='" + id + "'] button.history")).click();
    wait.withMessage("the history of case " + id).until(d -> !d.findElements(
        By.cssSelector("#case-table tr[data-history-of='" + id + "'] tbody tr")).isEmpty());
  }

  /** The history's rows as shown: time, who, status, agency, note. */
  private static List<List<String>> historyRows(String id) {
    return browser.findElements(By.cssSelector("#case-table tr[data-history-of='" + id + "'] tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
  }

  private static String historyFacts(String id) {
    return browser.findElement(By.cssSelector("#case-table tr[data-history-of='" + id + "'] .case-facts")).getText();
  }

  /** An instant as the page shows it: Beijing month/day and time. */
  private static String beijing(String instant) {
    return DateTimeFormatter.ofPattern("MM/dd HH:mm:ss")
        .format(Instant.parse(instant).atZone(BEIJING));
  }

  /** The region table's rows: code → events. */
  private static Map<String, Long> regionRows() {
    Map<String, Long> rows = new HashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#region-table tbody tr[data-code]"))) {
      rows.put(row.getDomAttribute("data-code"),
          Long.parseLong(row.findElement(By.cssSelector("td[data-count=events]")).getText()));
    }
    return rows;
  }

  private static Map<String, Long> tableCounts(String table, String cell) {
    Map<String, Long> rows = new HashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector(table + " tbody tr[data-id]"))) {
      rows.put(row.getDomAttribute("data-id"), Long.parseLong(row.findElement(By.cssSelector(cell)).getText()));
    }
    return rows;
  }

  private static void screenshot(String view) throws IOException {
    HeadlessChromium.screenshot(browser, "console-" + view + ".png");
  }

  // --- counted from the table --------------------------------------------------------------

  private static long total(Predicate<Line> which) {
    return lines.stream().filter(which).mapToLong(Line::count).sum();
  }

  private static Map<String, Long> byPlatform(String kind) {
    return lines.stream().filter(l -> l.kind().equals(kind))
        .collect(Collectors.groupingBy(Line::platform, Collectors.summingLong(Line::count)));
  }

  /** Events by the division directly under {@code parent} (null: the provinces) that holds their region. */
  private static Map<String, Long> regionTotals(String parent) {
    RegionTable table = RegionTable.shipped();
    Map<String, Long> totals = new HashMap<>();
    for (Line l : lines) {
      List<String> ancestry = table.ancestry(l.region());
      int at = parent == null ? ancestry.size() : ancestry.indexOf(parent);
      if (at > 0) {
        totals.merge(ancestry.get(at - 1), (long) l.count(), Long::sum);
      }
    }
    return totals;
  }

  // --- the API -----------------------------------------------------------------------------

  private static void screen(String key, String text) {
    HttpResponse<Buffer> r = app.client().post("/v1/text/screen", key, new JsonObject().put("text", text));
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("block", r.bodyAsJsonObject().getString("decision"), r::bodyAsString);
  }

  private static long apiTotal(String from, String to) {
    return apiTotal(from, to, null);
  }

  /** Events over the days the page shows, as the API counts them. */
  private static long apiTotal(String from, String to, String platform) {
    String path = "/v1/regulator/summary?from=" + from + "&to=" + to + (platform == null ? "" : "&platform=" + platform);
    HttpResponse<Buffer> r = app.client().get(path, app.service().regulatorKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonArray rows = r.bodyAsJsonObject().getJsonArray("rows");
    return rows.isEmpty() ? 0 : rows.getJsonObject(0).getLong("events");
  }

  private static JsonArray cases(String key) {
    HttpResponse<Buffer> r = app.client().get("/v1/cases", key);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject().getJsonArray("cases");
  }

  private static JsonObject oneCase(String id) {
    HttpResponse<Buffer> r = app.client().get("/v1/cases/" + id, app.service().regulatorKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    return r.bodyAsJsonObject();
  }

  private static Set<String> ids(JsonArray cases) {
    Set<String> ids = new HashSet<>();
    cases.forEach(c -> ids.add(((JsonObject) c).getString("id")));
    return ids;
  }
}
