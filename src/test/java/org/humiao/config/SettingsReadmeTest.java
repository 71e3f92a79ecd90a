package org.humiao.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's settings table names every setting with its env var and default. */
class SettingsReadmeTest {
  @Test
  void everySettingIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Setting s : Setting.values()) {
      String row = "| `%s` | `%s` | `%s`".formatted(s.key(), s.envVar(), s.defaultValue());
      assertTrue(readme.contains(row), "README.md lacks the row " + row);
    }
  }
}
