package org.humiao.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The API page in a real browser ({@link HeadlessChromium}), under its strict policy: Swagger UI
 * runs from the service's own files, lists every operation of the spec, and "Try it out" reaches
 * the service. Screenshot in target/docs.png.
 */
class DocsBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.open();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void swaggerUiListsEveryOperationAndTriesOneOut() throws Exception {
    int operations = OpenApiPaths.operations(Files.readString(Path.of("src/main/resources/openapi.yaml"))).size();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);

    browser.get("http://127.0.0.1:" + app.service().port() + "/docs");
    assertEquals("Humiao 护苗 · API", browser.getTitle());
    wait.withMessage(() -> "Swagger UI to list the " + operations + " operations; it lists "
            + browser.findElements(By.cssSelector(".opblock")).size())
        .until(d -> d.findElements(By.cssSelector(".opblock")).size() == operations);

    // GET /v1/lexicons without a key: the page's own fetch reaches the service, which says 401
    browser.findElement(By.cssSelector("#operations-default-lexiconVersion .opblock-summary")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-default-lexiconVersion .try-out__btn")))
        .click();
    browser.findElement(By.cssSelector("#operations-default-lexiconVersion .execute")).click();
    String status = wait.withMessage("the answer of Try it out").until(d -> d.findElements(By.cssSelector("#operations-default-lexiconVersion "
            + ".live-responses-table .response-col_status")).stream().map(e -> e.getText().trim())
        .filter(s -> s.matches("(?s)\\d{3}.*")).findFirst().orElse(null));
    assertEquals("401", status.lines().findFirst().orElseThrow());
    HeadlessChromium.screenshot(browser, "docs.png");
  }
}
