package org.humiao.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings table of {@code docs/settings.md} (linked from the README) names every setting with
 * its env var and default.
 */
class SettingsReadmeTest {
  private static final Path SETTINGS_DOC = Path.of("docs", "settings.md");

  @Test
  void everySettingIsDocumented() throws Exception {
    String doc = Files.readString(SETTINGS_DOC);
    for (Setting s : Setting.values()) {
      String row = "| `%s` | `%s` | `%s`".formatted(s.key(), s.envVar(), s.defaultValue());
      assertTrue(doc.contains(row), SETTINGS_DOC + " lacks the row " + row);
    }
  }
}
