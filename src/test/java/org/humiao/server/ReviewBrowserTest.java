package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.keys.Role;
import org.humiao.screening.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewers' page (审核台) in a real browser ({@link HeadlessChromium}) against a real service:
 * a held text appears in the queue, is claimed and resolved with the keyboard, and user text is
 * shown as text, never run as markup.
 */
@ExtendWith(VertxExtension.class)
class ReviewBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Held for review by the placeholder lexicons: 实名小号 (anti_addiction_evasion) at 4..8. */
  private static final String HELD = "我想买个实名小号";
  private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"></script>"
      + "<script>document.title='pwned'</script>&lt;b&gt;";

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static ChromeDriver browser;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    browser = HeadlessChromium.open();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
  }

  private static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  /** The task of a dataId, as the API shows it to {@code key}. */
  private static JsonObject task(String dataId, String key) {
    return ok(app.client().get("/v1/review/tasks?limit=100", key)).getJsonArray("tasks").stream()
        .map(JsonObject.class::cast).filter(t -> dataId.equals(t.getString("dataId"))).findFirst()
        .orElseThrow(() -> new AssertionError("no task of " + dataId));
  }

  /** The page opened afresh (no key from an earlier test) and entered with {@code key}. */
  private static WebDriverWait enter(String key) {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get("http://127.0.0.1:" + app.service().port() + "/review/");
    browser.executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    assertEquals("护苗 · 审核台", browser.getTitle());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(key);
    browser.findElement(By.cssSelector("#key-form button")).click();
    return wait;
  }

  private static void press(String keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static WebElement queued(WebDriverWait wait, String taskId) {
    return wait.withMessage(() -> "task " + taskId + " in the queue")
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue li[data-id='" + taskId + "']")));
  }

  private static void waitSelected(WebDriverWait wait, String taskId) {
    wait.withMessage(() -> "task " + taskId + " selected")
        .until(d -> d.findElement(By.cssSelector("#queue li[data-id='" + taskId + "']")).getAttribute("class")
            .contains("selected"));
  }

  @Test
  void aReviewerClaimsAndBlocksAHeldTextWithTheKeyboardAndAddsItsTermToTheBlockList() throws Exception {
    String reviewer = app.service().addKey(app.client(), Role.REVIEWER, LocalService.PLATFORM);
    String run = UUID.randomUUID().toString();
    for (String dataId : List.of("first-" + run, "second-" + run)) {
      assertEquals("review", ok(app.client().post("/v1/text/screen", app.service().platformKey,
          new JsonObject().put("text", HELD).put("dataId", dataId))).getString("decision"));
    }
    String first = task("first-" + run, reviewer).getString("id");
    String second = task("second-" + run, reviewer).getString("id");

    WebDriverWait wait = enter(reviewer);
    queued(wait, first);
    queued(wait, second);
    // oldest first: the first is selected; J moves down, K back up
    waitSelected(wait, first);
    press("j");
    waitSelected(wait, second);
    press("k");
    waitSelected(wait, first);

    assertEquals(HELD, browser.findElement(By.id("text")).getText());
    assertEquals(List.of("实名小号"), browser.findElements(By.cssSelector("#text mark")).stream()
        .map(WebElement::getText).toList(), "the evidence at offsets 4..8 highlighted, nothing else");
    List<String> offered = browser.findElements(By.cssSelector("#category option")).stream()
        .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    assertEquals(Arrays.stream(Category.values()).map(Category::id).toList(), offered, "the categories a resolution takes");
    assertTrue(browser.findElement(By.id("category")).getText().contains("诈骗与校园贷"), "Chinese category labels");

    press("c");
    wait.withMessage("the claim shown").until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status"),
        "已认领"));
    press("a");
    assertEquals("block", browser.findElement(By.id("list")).getAttribute("value"));
    assertEquals("实名小号", browser.findElement(By.id("term")).getAttribute("value"), "the evidence term, taken by A");
    browser.findElement(By.id("note")).sendKeys("倒卖实名账号", Keys.ESCAPE);
    new Select(browser.findElement(By.id("category"))).selectByValue("fraud");
    press(Keys.ESCAPE.toString());
    HeadlessChromium.screenshot(browser, "review.png");

    press("b");
    wait.withMessage("the resolution shown").until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"),
        "已处理：确认违规，已加入拦截名单"));
    JsonObject resolved = ok(app.client().get("/v1/review/tasks/" + first, reviewer));
    assertEquals("resolved", resolved.getString("status"));
    JsonObject resolution = resolved.getJsonObject("resolution");
    assertEquals("block", resolution.getString("verdict"));
    assertEquals("fraud", resolution.getString("category"));
    assertEquals("倒卖实名账号", resolution.getString("note"));
    assertEquals("open", ok(app.client().get("/v1/review/tasks/" + second, reviewer)).getString("status"), "J/K claimed nothing");
    assertTrue(ok(app.client().get("/v1/platforms/" + LocalService.PLATFORM + "/lists/block", app.service().platformKey))
        .getJsonArray("entries").stream().map(JsonObject.class::cast).anyMatch(e -> "实名小号".equals(e.getString("term"))),
        "the term on the platform's block list");

    // the metrics the Grafana panels read: the resolution by category, source and outcome; the lists
    assertMetric("humiao_review_resolutions_total{category=\"fraud\",kind=\"screen\",outcome=\"confirmed\",source=\"term\"}", 1);
    assertMetric("humiao_lists_platforms", 1);
    assertMetric("humiao_lists_entries", 1);
    for (int i = 0; i < 2; i++) {
      assertEquals("block", ok(app.client().post("/v1/text/screen", app.service().platformKey, new JsonObject().put("text", HELD)))
          .getString("decision"), "the listed term blocks");
    }
    assertMetric("humiao_lists_compile_seconds_count", 1);
    assertMetric("humiao_lists_overlay_cache_total{result=\"miss\"}", 1);
    assertMetric("humiao_lists_overlay_cache_total{result=\"hit\"}", 1);
  }

  /** The series (name and labels as served) is served with {@code value}. */
  private static void assertMetric(String series, double value) {
    String metrics = app.client().get("/metrics", null).bodyAsString();
    List<Double> values = metrics.lines().filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).toList();
    assertEquals(List.of(value), values, () -> series + " in\n" + metrics.lines()
        .filter(l -> l.startsWith(series.split("\\{")[0])).toList());
  }

  @Test
  void hostileTextIsShownAsTextNeverRunAsMarkup() {
    String reviewer;
    try {
      reviewer = app.service().addKey(app.client(), Role.REVIEWER, "other");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    String dataId = "hostile-" + UUID.randomUUID();
    ok(app.client().post("/v1/review/reports", app.service().otherPlatformKey, new JsonObject().put("dataId", dataId)
        .put("text", HOSTILE).put("reason", "<b>举报</b>").put("reportedUser", "u-1")));
    String id = task(dataId, reviewer).getString("id");

    WebDriverWait wait = enter(reviewer);
    queued(wait, id);
    waitSelected(wait, id);
    assertEquals(HOSTILE, browser.findElement(By.id("text")).getText());
    assertTrue(browser.findElement(By.cssSelector("#queue li[data-id='" + id + "']")).getText().contains(HOSTILE));
    assertTrue(browser.findElement(By.id("complaint")).getText().contains("<b>举报</b>"),
        browser.findElement(By.id("complaint")).getText());
    assertEquals(List.of(), browser.findElements(By.cssSelector("#desk img, #desk script, #desk b")),
        "no element made of the user's text");
    assertEquals("护苗 · 审核台", browser.getTitle());
  }
}
