package org.humiao.events;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViolationEventTest {
  private static final Pseudonyms PSEUDONYMS = new Pseudonyms("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void jsonRoundTripKeepsEveryField() {
    ViolationEvent event = new ViolationEvent("e1", Instant.parse("2026-11-23T14:00:00Z"), "demo",
        ViolationEvent.Kind.TEXT_BLOCKED, "threat", 4, "rule", PSEUDONYMS.of("demo", "42"), "110000", true,
        new JsonObject().put("terms", "弄死你").put("masked", "我***"));
    JsonObject json = event.toJson();
    assertEquals(1, json.getInteger("schema"));
    assertEquals("text_blocked", json.getString("kind"));
    assertEquals(event, ViolationEvent.fromJson(new JsonObject(json.encode())));
  }

  @Test
  void unknownSchemaIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ViolationEvent.fromJson(new JsonObject().put("schema", 2)));
  }

  @Test
  void pseudonymsAreStablePerPlatformAndDifferAcrossPlatforms() {
    String a = PSEUDONYMS.of("demo", "42");
    assertEquals(a, PSEUDONYMS.of("demo", "42"));
    assertNotEquals(a, PSEUDONYMS.of("other", "42"));
    assertNotEquals(a, new Pseudonyms("another-key-0123456789".getBytes(StandardCharsets.UTF_8)).of("demo", "42"));
    assertTrue(a.matches("u_[0-9a-f]{32}"), a);
  }
}
