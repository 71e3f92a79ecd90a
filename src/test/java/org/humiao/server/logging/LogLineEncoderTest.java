package org.humiao.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import org.humiao.config.LogFormat;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two line formats of one event, and what the start line shows of the settings. */
class LogLineEncoderTest {
  private static LoggingEvent event() {
    LoggerContext context = new LoggerContext();
    LoggingEvent e = new LoggingEvent("test", context.getLogger("humiao.access"), Level.WARN, "GET {} 503", null,
        new Object[] {"/v1/lexicons"});
    e.setInstant(Instant.parse("2026-12-07T01:02:03.456789Z"));
    e.setThreadName("vert.x-eventloop-thread-1");
    e.setMDCPropertyMap(Map.of("traceId", "t1"));
    e.setKeyValuePairs(List.of(new KeyValuePair("status", 503), new KeyValuePair("latencyMs", 1.5),
        new KeyValuePair("settings", Map.of("port", "9"))));
    e.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));
    return e;
  }

  private static String encode(LogFormat format) {
    LogLineEncoder encoder = new LogLineEncoder();
    encoder.format(format);
    return new String(encoder.encode(event()), StandardCharsets.UTF_8);
  }

  @Test
  void jsonIsOneObjectALineWithUtcTimeAndTheKeyValuesAsFields() {
    String line = encode(LogFormat.JSON);
    assertEquals(1, line.lines().count(), line);
    JsonObject json = new JsonObject(line);
    assertEquals("2026-12-07T01:02:03.456Z", json.getString("time"));
    assertEquals("WARN", json.getString("level"));
    assertEquals("humiao.access", json.getString("logger"));
    assertEquals("vert.x-eventloop-thread-1", json.getString("thread"));
    assertEquals("GET /v1/lexicons 503", json.getString("message"));
    assertEquals("t1", json.getString("traceId"));
    assertEquals(503, json.getInteger("status"));
    assertEquals(1.5, json.getDouble("latencyMs"));
    assertEquals("9", json.getJsonObject("settings").getString("port"));
    assertEquals("java.lang.IllegalStateException: boom", json.getString("error"));
    assertTrue(json.getString("stack").contains("at org.humiao.server.logging.LogLineEncoderTest"), line);
  }

  @Test
  void textIsReadableWithTheStackBelow() {
    String text = encode(LogFormat.TEXT);
    assertTrue(text.startsWith("2026-12-07T01:02:03.456Z WARN  humiao.access: GET /v1/lexicons 503 traceId=t1 status=503 latencyMs=1.5 settings={port=9}\n"), text);
    assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
  }

  @Test
  void theStartLineShowsSettingsNotAtTheirDefaultWithoutSecrets() {
    Map<Setting, String> given = new EnumMap<>(Setting.class);
    given.put(Setting.PORT, "8080");
    given.put(Setting.ACCESS_LOG, "all");
    given.put(Setting.NPPA_SECRET_KEY, "0123456789abcdef0123456789abcdef");
    given.put(Setting.REDIS_URI, "redis://user:pa55word@redis:6379/0");
    assertEquals(Map.of("accessLog", "all", "nppaSecretKey", "(set)", "redisUri", "redis://***@redis:6379/0"),
        ServiceLog.notDefault(given));
  }
}
