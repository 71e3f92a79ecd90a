package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard in a real browser: {@link HeadlessChromium}. */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String BLOCKED = "你个傻*逼";

  @TempDir
  static Path dir;
  static LocalService service;
  static Client client;
  static ChromeDriver browser;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    browser = HeadlessChromium.open();
    service = new LocalService(dir, Map.of());
    client = new Client(vertx, service.port());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (client != null) {
      client.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static void screen(String key, String text) {
    HttpResponse<Buffer> r = client.post("/v1/text/screen", key, new JsonObject().put("text", text));
    assertEquals(200, r.statusCode(), r::bodyAsString);
    assertEquals("block", r.bodyAsJsonObject().getString("decision"), r::bodyAsString);
  }

  /** Events over the days the page shows, as the API counts them. */
  private static long summaryTotal(String from, String to, String platform) {
    String path = "/v1/regulator/summary?from=" + from + "&to=" + to + (platform == null ? "" : "&platform=" + platform);
    HttpResponse<Buffer> r = client.get(path, service.regulatorKey);
    assertEquals(200, r.statusCode(), r::bodyAsString);
    JsonArray rows = r.bodyAsJsonObject().getJsonArray("rows");
    return rows.isEmpty() ? 0 : rows.getJsonObject(0).getLong("events");
  }

  private static void waitForText(WebDriverWait wait, String id, String text) {
    wait.withMessage(() -> "#" + id + " to read " + text + ", it reads "
            + browser.findElement(By.id(id)).getText())
        .until(ExpectedConditions.textToBe(By.id(id), text));
  }

  @Test
  void aRegulatorSeesTheFiguresFiltersThemAndWatchesSevereEventsArrive() throws Exception {
    screen(service.platformKey, BLOCKED);
    screen(service.platformKey, "再说一遍 " + BLOCKED);
    screen(service.otherPlatformKey, BLOCKED);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);

    browser.get("http://127.0.0.1:" + service.port() + "/dashboard");
    assertEquals("护苗 · 监管看板", browser.getTitle());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(service.regulatorKey);
    browser.findElement(By.cssSelector("#key-form button")).click();

    String from = wait.until(d -> d.findElement(By.id("from")).getAttribute("value"));
    String to = browser.findElement(By.id("to")).getAttribute("value");
    long all = summaryTotal(from, to, null);
    assertEquals(3, all, "the events screened above");
    waitForText(wait, "total-events", Long.toString(all));
    waitForText(wait, "total-mandatory", "0");
    assertEquals("3", browser.findElement(By.cssSelector("#by-kind li[data-id=text_blocked] strong")).getText());
    assertTrue(browser.findElement(By.id("by-category")).getText().contains("侮辱谩骂"), "Chinese category labels");
    List<WebElement> bars = browser.findElements(By.cssSelector("#trend rect"));
    assertEquals(30, bars.size(), "one bar a day");
    assertEquals("3", bars.get(bars.size() - 1).getAttribute("data-count"), "today's bar");

    wait.until(d -> d.findElements(By.cssSelector("#platform option[value=other]")).size() == 1);
    new Select(browser.findElement(By.id("platform"))).selectByValue("other");
    browser.findElement(By.id("apply")).click();
    long other = summaryTotal(from, to, "other");
    assertEquals(1, other);
    waitForText(wait, "total-events", Long.toString(other));
    assertEquals(List.of("other"), browser.findElements(By.cssSelector("#by-platform tr")).stream()
        .map(row -> row.getAttribute("data-id")).toList());

    waitForText(wait, "live-status", "已连接");
    String marker = "实时" + System.nanoTime();
    screen(service.otherPlatformKey, marker + " " + BLOCKED);
    WebElement arrived = wait.withMessage("the new severe event in the live feed")
        .until(d -> d.findElements(By.cssSelector("#live-feed li")).stream()
            .filter(li -> li.getText().contains(marker)).findFirst().orElse(null));
    assertTrue(arrived.getText().contains("other"), arrived::getText);
    assertTrue(arrived.getText().contains("文本拦截"), arrived::getText);
    // the figures follow the live feed
    waitForText(wait, "total-events", Long.toString(other + 1));

    HeadlessChromium.screenshot(browser, "dashboard.png");
  }
}
