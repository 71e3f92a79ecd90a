package org.humiao.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsResolverTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    Settings s = Settings.defaults();
    assertEquals(8080, s.port());
    assertEquals(Path.of("data"), s.dataDir());
    assertEquals(Path.of("lexicons"), s.lexicons());
    assertEquals(5000, s.maxTextLength());
    assertEquals(100, s.maxBatchItems());
    assertEquals(256 * 1024, s.maxBodyBytes());
    assertEquals(2000, s.maxInFlight());
    assertTrue(s.semanticTier());
    // a thread per core, and one per text that may wait for the semantic tier
    assertEquals(Runtime.getRuntime().availableProcessors() + 64, s.effectiveWorkerThreads());
  }

  @Test
  void fileOverridesDefaultsEnvOverridesFileFlagsOverrideEnv(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("humiao.json");
    Files.writeString(file, """
        {"port": 9000, "maxBatchItems": 7, "rateLimitPerSecond": 2.5, "dataDir": "/srv/file", "lexicons": "/lex/file"}
        """);
    Map<String, String> env = Map.of("HUMIAO_PORT", "9100", "HUMIAO_DATA_DIR", "/srv/env", "HUMIAO_RATE_LIMIT_PER_SECOND", "3");
    Settings s = new SettingsResolver(env).resolve(Optional.of(file), Map.of(Setting.PORT, "9200"));
    assertEquals(9200, s.port());
    assertEquals(Path.of("/srv/env"), s.dataDir());
    assertEquals(3.0, s.rateLimitPerSecond());
    assertEquals(7, s.maxBatchItems());
    assertEquals(Path.of("/lex/file"), s.lexicons());
    assertEquals(5000, s.maxTextLength());
  }

  @Test
  void everySettingHasAnEnvVarNamedAfterIt() {
    assertEquals("HUMIAO_RATE_LIMIT_PER_SECOND", Setting.RATE_LIMIT_PER_SECOND.envVar());
    assertEquals("HUMIAO_PORT", Setting.PORT.envVar());
    for (Setting s : Setting.values()) {
      Settings resolved = new SettingsResolver(Map.of(s.envVar(), s.defaultValue())).resolve(Optional.empty(), Map.of());
      assertEquals(Settings.defaults(), resolved, s.envVar());
    }
  }

  @Test
  void anUnknownKeyInTheFileIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("humiao.json");
    Files.writeString(file, "{\"prot\": 9000}");
    SettingsException e = assertThrows(SettingsException.class,
        () -> new SettingsResolver(Map.of()).resolve(Optional.of(file), Map.of()));
    assertTrue(e.getMessage().contains("prot"), e.getMessage());
  }

  @Test
  void badValuesNameTheirSetting(@TempDir Path dir) throws Exception {
    SettingsResolver resolver = new SettingsResolver(Map.of("HUMIAO_PORT", "eighty"));
    assertTrue(assertThrows(SettingsException.class, () -> resolver.resolve(Optional.empty(), Map.of()))
        .getMessage().contains("port"));
    assertTrue(assertThrows(SettingsException.class, () -> new SettingsResolver(Map.of())
        .resolve(Optional.empty(), Map.of(Setting.RATE_LIMIT_PER_SECOND, "0"))).getMessage().contains("rateLimitPerSecond"));
    assertThrows(SettingsException.class, () -> new SettingsResolver(Map.of())
        .resolve(Optional.empty(), Map.of(Setting.MAX_BATCH_ITEMS, "0")));
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"port\": [1]}");
    assertThrows(SettingsException.class, () -> new SettingsResolver(Map.of()).resolve(Optional.of(file), Map.of()));
    Files.writeString(file, "port=1");
    assertThrows(SettingsException.class, () -> new SettingsResolver(Map.of()).resolve(Optional.of(file), Map.of()));
  }

  @Test
  void nppaReportingIsOnOnlyWithAllThreeCredentials() {
    SettingsResolver resolver = new SettingsResolver(Map.of());
    assertEquals(Optional.empty(), Settings.defaults().nppa());
    String secret = "bbd3322487be9f3b2af1e7d1d3734f41";
    Settings on = resolver.resolve(Optional.empty(), Map.of(Setting.NPPA_APP_ID, "app", Setting.NPPA_BIZ_ID, "1101999999",
        Setting.NPPA_SECRET_KEY, secret));
    assertEquals("http://api2.wlc.nppa.gov.cn/behavior/collection/loginout", on.nppa().orElseThrow().endpoint().toString());
    assertEquals(128, on.nppa().orElseThrow().batchSize());
    assertFalse(on.toString().contains(secret), "the secret key is never printed");

    SettingsException partial = assertThrows(SettingsException.class, () -> resolver.resolve(Optional.empty(),
        Map.of(Setting.NPPA_APP_ID, "app", Setting.NPPA_SECRET_KEY, secret)));
    assertTrue(partial.getMessage().contains("missing: nppaBizId"), partial.getMessage());
    assertFalse(partial.getMessage().contains(secret), partial.getMessage());

    String notHex = "not-a-key-but-secret-all-the-same";
    SettingsException bad = assertThrows(SettingsException.class, () -> resolver.resolve(Optional.empty(),
        Map.of(Setting.NPPA_APP_ID, "app", Setting.NPPA_BIZ_ID, "1101999999", Setting.NPPA_SECRET_KEY, notHex)));
    assertTrue(bad.getMessage().contains("nppaSecretKey"), bad.getMessage());
    assertFalse(bad.getMessage().contains(notHex), bad.getMessage());
  }
}
