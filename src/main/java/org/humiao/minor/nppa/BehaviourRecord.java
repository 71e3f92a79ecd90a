package org.humiao.minor.nppa;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One login or logout to report. The batch sequence number {@code no} is not part of it: it is
 * assigned per request, because a record retried in a smaller batch gets a new one.
 *
 * <p>Validated here so that a record the NPPA would reject for its shape never reaches the
 * durable outbox, where it could only be dropped later.
 *
 * @param sessionId {@code si}: one login and its matching logout share it; at most 32 bytes
 * @param occurredAt {@code ot}: the interface carries whole seconds, so it is truncated to them
 * @param deviceId {@code di}: guests only, at most 32 bytes
 * @param pi the 38-character id the real-name check returned; authenticated users only
 */
public record BehaviourRecord(
    String sessionId,
    BehaviourType type,
    Instant occurredAt,
    UserType userType,
    String deviceId,
    String pi) {

  static final int MAX_ID_BYTES = 32;
  static final int PI_LENGTH = 38;

  public BehaviourRecord {
    requireShortId(sessionId, "sessionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(userType, "userType");
    occurredAt = Instant.ofEpochSecond(occurredAt.getEpochSecond());
    if (userType == UserType.AUTHENTICATED) {
      if (pi == null || pi.length() != PI_LENGTH) {
        throw new IllegalArgumentException("an authenticated user needs a " + PI_LENGTH + "-character pi");
      }
      if (deviceId != null) {
        throw new IllegalArgumentException("an authenticated user is reported by pi, not deviceId");
      }
    } else {
      requireShortId(deviceId, "deviceId");
      if (pi != null) {
        throw new IllegalArgumentException("a guest has no pi");
      }
    }
  }

  public static BehaviourRecord authenticated(String sessionId, BehaviourType type, Instant occurredAt, String pi) {
    return new BehaviourRecord(sessionId, type, occurredAt, UserType.AUTHENTICATED, null, pi);
  }

  public static BehaviourRecord guest(String sessionId, BehaviourType type, Instant occurredAt, String deviceId) {
    return new BehaviourRecord(sessionId, type, occurredAt, UserType.GUEST, deviceId, null);
  }

  /** The interface's field names, without {@code no}; also the outbox line format. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("si", sessionId)
        .put("bt", type.code())
        .put("ot", occurredAt.getEpochSecond())
        .put("ct", userType.code());
    if (userType == UserType.AUTHENTICATED) {
      json.put("pi", pi);
    } else {
      json.put("di", deviceId);
    }
    return json;
  }

  public static BehaviourRecord fromJson(JsonObject json) {
    return new BehaviourRecord(
        json.getString("si"),
        BehaviourType.ofCode(json.getInteger("bt")),
        Instant.ofEpochSecond(json.getLong("ot")),
        UserType.ofCode(json.getInteger("ct")),
        json.getString("di"),
        json.getString("pi"));
  }

  private static void requireShortId(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_ID_BYTES + " bytes");
    }
  }
}
