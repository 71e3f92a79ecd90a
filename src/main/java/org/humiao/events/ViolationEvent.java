package org.humiao.events;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One violation, as regulators receive it: pseudonymous, durable, versioned (schema
 * {@value #SCHEMA}). Evidence holds what is needed to act (matched terms, masked text, rule
 * details), never a raw ID or phone number.
 *
 * @param user pseudonymous user id ({@link Pseudonyms}); null when no user is known
 * @param category a screening category id, or the minor-mode rule family (curfew, quota, spending, tipping, guest)
 * @param rule the reason code that decided (a screening reason or a minor-mode reason code)
 * @param region an administrative region code if the platform gave one, else null
 */
public record ViolationEvent(
    String id,
    Instant time,
    String platform,
    Kind kind,
    String category,
    int severity,
    String rule,
    String user,
    String region,
    boolean mandatoryReport,
    JsonObject evidence) {

  public static final int SCHEMA = 1;

  public enum Kind {
    TEXT_BLOCKED, TEXT_REVIEW, REPOST_BLOCKED, CURFEW_ATTEMPT, QUOTA_EXCEEDED, PAYMENT_REFUSED, TIP_REFUSED,
    PLATFORM_NONCOMPLIANCE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind byId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  public ViolationEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(category, "category");
    evidence = evidence == null ? new JsonObject() : evidence.copy();
  }

  @Override
  public JsonObject evidence() {
    return evidence.copy();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("schema", SCHEMA)
        .put("id", id)
        .put("time", time.toString())
        .put("platform", platform)
        .put("kind", kind.id())
        .put("category", category)
        .put("severity", severity)
        .put("rule", rule)
        .put("user", user)
        .put("region", region)
        .put("mandatoryReport", mandatoryReport)
        .put("evidence", evidence.copy());
  }

  public static ViolationEvent fromJson(JsonObject json) {
    int schema = json.getInteger("schema", 0);
    if (schema != SCHEMA) {
      throw new IllegalArgumentException("unsupported event schema " + schema);
    }
    return new ViolationEvent(
        json.getString("id"),
        Instant.parse(json.getString("time")),
        json.getString("platform"),
        Kind.byId(json.getString("kind")),
        json.getString("category"),
        json.getInteger("severity", 0),
        json.getString("rule"),
        json.getString("user"),
        json.getString("region"),
        json.getBoolean("mandatoryReport", false),
        json.getJsonObject("evidence"));
  }
}
