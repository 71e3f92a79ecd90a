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
    ViolationEvent event = ViolationEvent.builder("demo", ViolationEvent.Kind.TEXT_BLOCKED).id("e1")
        .time(Instant.parse("2026-11-23T14:00:00Z")).category("threat", 4).rule("rule")
        .user(PSEUDONYMS.of("demo", "42")).region("110000").dataId("msg-7").mandatoryReport(true)
        .evidence(new JsonObject().put("terms", "弄死你").put("masked", "我***")).build();
    JsonObject json = event.toJson();
    assertEquals(1, json.getInteger("schema"));
    assertEquals("text_blocked", json.getString("kind"));
    assertEquals(event, ViolationEvent.fromJson(new JsonObject(json.encode())));
  }

  @Test
  void encodedBytesAreItsJsonAsTheTreeEncodesIt() {
    ViolationEvent full = SampleEvents.withEveryKindOfEvidence();
    ViolationEvent bare = ViolationEvent.builder("p", ViolationEvent.Kind.CURFEW_ATTEMPT).id("e3")
        .time(Instant.parse("2026-12-07T00:00:00Z")).category("curfew", 1).build();
    for (ViolationEvent event : new ViolationEvent[] {full, bare}) {
      assertEquals(event.toJson().encode(), new String(event.encode(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void evidenceBytesReadBackToTheSameJson() {
    ViolationEvent event = SampleEvents.withEveryKindOfEvidence();
    ViolationEvent head = event.withoutEvidence();
    assertEquals(new JsonObject(), head.evidence());
    ViolationEvent back = head.withEvidence(event.evidenceBytes());
    assertEquals(event.toJson().encode(), back.toJson().encode());
    assertEquals(event.evidence().encodePrettily(), back.evidence().encodePrettily());
    assertEquals(4_000_000_000L, back.evidence().getJsonArray("offsets").getLong(1));
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
