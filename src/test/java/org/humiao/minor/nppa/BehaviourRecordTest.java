package org.humiao.minor.nppa;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BehaviourRecordTest {

  private static final Instant AT = Instant.parse("2024-06-01T11:59:50.750Z");

  @Test
  void authenticatedRecordInTheInterfaceFields() {
    BehaviourRecord record = BehaviourRecord.authenticated("s1", BehaviourType.LOGIN, AT, NppaFixture.TEST_PI);

    JsonObject expected = new JsonObject("{\"si\":\"s1\",\"bt\":1,\"ot\":" + AT.getEpochSecond() + ",\"ct\":0,\"pi\":\"" + NppaFixture.TEST_PI + "\"}");
    assertEquals(expected, record.toJson());
    assertEquals(record, BehaviourRecord.fromJson(record.toJson()));
  }

  @Test
  void guestRecordCarriesTheDeviceIdAndNoPi() {
    BehaviourRecord record = BehaviourRecord.guest("s2", BehaviourType.LOGOUT, AT, "device-1");

    JsonObject json = record.toJson();
    assertEquals(0, json.getInteger("bt"));
    assertEquals(2, json.getInteger("ct"));
    assertEquals("device-1", json.getString("di"));
    assertFalse(json.containsKey("pi"));
    assertEquals(record, BehaviourRecord.fromJson(json));
  }

  @Test
  void timeIsKeptInWholeSeconds() {
    assertEquals(Instant.parse("2024-06-01T11:59:50Z"), BehaviourRecord.guest("s", BehaviourType.LOGIN, AT, "d").occurredAt());
  }

  @Test
  void refusesWhatTheInterfaceWouldReject() {
    assertThrows(IllegalArgumentException.class, () -> BehaviourRecord.authenticated("s", BehaviourType.LOGIN, AT, null));
    assertThrows(IllegalArgumentException.class, () -> BehaviourRecord.authenticated("s", BehaviourType.LOGIN, AT, "too-short"));
    assertThrows(IllegalArgumentException.class, () -> BehaviourRecord.guest("s", BehaviourType.LOGIN, AT, null));
    assertThrows(IllegalArgumentException.class, () -> BehaviourRecord.guest("", BehaviourType.LOGIN, AT, "d"));
    // 11 CJK characters are 33 UTF-8 bytes: over the 32-byte limit though only 11 characters
    assertThrows(IllegalArgumentException.class, () -> BehaviourRecord.guest("会".repeat(11), BehaviourType.LOGIN, AT, "d"));
    assertThrows(IllegalArgumentException.class,
        () -> new BehaviourRecord("s", BehaviourType.LOGIN, AT, UserType.AUTHENTICATED, "d", NppaFixture.TEST_PI));
    assertThrows(IllegalArgumentException.class, () -> BehaviourType.ofCode(2));
    assertThrows(IllegalArgumentException.class, () -> UserType.ofCode(1));
  }
}
