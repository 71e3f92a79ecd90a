package org.humiao.server;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium for the pages' browser tests, driven through its own chromedriver
 * (never one Selenium Manager would fetch). Missing browser: the test fails with the command
 * that installs it, as .ci/run does.
 */
final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  static ChromeDriver open() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toString())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800");
    // the page's console, so a test can see what the browser refused (a CSP violation) or failed on
    options.setCapability(ChromeOptions.LOGGING_PREFS, loggingPrefs());
    return new ChromeDriver(driver, options);
  }

  private static LoggingPreferences loggingPrefs() {
    LoggingPreferences prefs = new LoggingPreferences();
    prefs.enable(LogType.BROWSER, Level.ALL);
    return prefs;
  }

  /** The errors the pages' console logged since the last call: refused by the CSP, uncaught, failed loads. */
  static List<String> errors(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  /** Saves what the browser shows as target/{@code name}. */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target"));
    Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
  }
}
