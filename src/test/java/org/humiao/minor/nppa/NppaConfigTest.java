package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NppaConfigTest {

  private static NppaConfig config(String key, int batchSize, int maxAttempts) {
    return new NppaConfig(NppaConfig.PRODUCTION_ENDPOINT, "app", "biz", key, batchSize, maxAttempts,
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
  }

  @Test
  void keepsTheSecretOutOfItsText() {
    NppaConfig config = config(NppaFixture.SECRET_KEY, 128, 5);

    assertFalse(config.toString().contains(NppaFixture.SECRET_KEY));
    assertEquals(16, config.secretKeyBytes().length);
  }

  @Test
  void refusesInvalidSettings() {
    assertThrows(IllegalArgumentException.class, () -> config("not-hex", 128, 5));
    assertThrows(IllegalArgumentException.class, () -> config(NppaFixture.SECRET_KEY + "00", 128, 5));
    assertThrows(IllegalArgumentException.class, () -> config(NppaFixture.SECRET_KEY, 129, 5));
    assertThrows(IllegalArgumentException.class, () -> config(NppaFixture.SECRET_KEY, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> config(NppaFixture.SECRET_KEY, 128, 0));
  }

  @Test
  void testSystemUrlEndsWithTheTestCode() {
    assertEquals("https://wlc.nppa.gov.cn/test/collection/loginout/abc123", NppaConfig.testSystemEndpoint("abc123").toString());
  }
}
