package org.humiao.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One violation, as regulators receive it: pseudonymous, durable, versioned (schema
 * {@value #SCHEMA}). Evidence holds what is needed to act (matched terms, masked text, rule
 * details), never a raw ID or phone number.
 *
 * @param user pseudonymous user id ({@link Pseudonyms}); null when no user is known
 * @param category a screening category id, or the minor-mode rule family (curfew, quota, spending, tipping, guest)
 * @param rule the reason code that decided (a screening reason or a minor-mode reason code)
 * @param region a GB/T 2260 division code: the request's, else the platform's default (its keys'
 *     region), else null
 * @param dataId the platform's own id of the content (message, comment) the event is about, so the
 *     platform can find it again; null when the request named none
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
    String dataId,
    boolean mandatoryReport,
    JsonObject evidence) {

  public static final int SCHEMA = 1;
  /**
   * Thread-safe once built; the generators it makes are cheap. Characters outside the BMP (emoji)
   * are written as UTF-8, not as escaped surrogate pairs, as the tree's encoding writes them.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  /** Room for a screened text's event without the buffer growing. */
  private static final int TYPICAL_BYTES = 640;
  /** Room for a screened text's evidence alone. */
  private static final int TYPICAL_EVIDENCE_BYTES = 384;
  /**
   * The evidence of every event without any: one shared instance, safe because the evidence is
   * never handed out (the accessor and {@link #toJson()} copy it), so an event held without its
   * evidence ({@link #withoutEvidence()}) costs no map of its own.
   */
  private static final JsonObject NO_EVIDENCE = new JsonObject();

  public enum Kind {
    TEXT_BLOCKED, TEXT_REVIEW, REPOST_BLOCKED, CURFEW_ATTEMPT, QUOTA_EXCEEDED, PAYMENT_REFUSED, TIP_REFUSED,
    PLATFORM_NONCOMPLIANCE, RELINK, GUARDIAN_LOOSENED,
    /** A reviewer upheld what brought a review task (a hold, an appealed block, a report): {@code block}. */
    REVIEW_CONFIRMED,
    /** A reviewer overturned it: {@code pass}. */
    REVIEW_OVERTURNED,
    /** Abuse aimed at one target crossed a pile-on level ({@code policies/pileon.json}). */
    BULLYING_SURGE,
    /**
     * Protection was switched on for a pile-on's target (by the platform or by the policy); its evidence says
     * how long after the surge ({@code secondsSinceSurge}), which regulators read as time to protection.
     */
    TARGET_PROTECTED;

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
    evidence = evidence == null || evidence.isEmpty() ? NO_EVIDENCE : evidence.copy();
  }

  @Override
  public JsonObject evidence() {
    return evidence.copy();
  }

  /** This event with {@code region} in place of its own. */
  public ViolationEvent withRegion(String region) {
    return new ViolationEvent(id, time, platform, kind, category, severity, rule, user, region, dataId, mandatoryReport,
        evidence);
  }

  /** This event with no evidence: what a view keeps beside {@link #evidenceBytes()}. */
  public ViolationEvent withoutEvidence() {
    return new ViolationEvent(id, time, platform, kind, category, severity, rule, user, region, dataId, mandatoryReport,
        null);
  }

  /**
   * This event with the evidence {@link #evidenceBytes()} wrote, decoded as the journal's readers
   * decode it, so it encodes to the same JSON text.
   */
  public ViolationEvent withEvidence(byte[] evidenceJson) {
    return new ViolationEvent(id, time, platform, kind, category, severity, rule, user, region, dataId, mandatoryReport,
        new JsonObject(Buffer.buffer(evidenceJson)));
  }

  /**
   * The evidence encoded as UTF-8 JSON, as {@link #encode()} writes it: one array where the tree is
   * dozens of objects, for a view that keeps many events and shows few of them.
   */
  public byte[] evidenceBytes() {
    return generate(TYPICAL_EVIDENCE_BYTES, json -> JacksonCodec.encodeJson(evidence, json));
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
        .put("dataId", dataId)
        .put("mandatoryReport", mandatoryReport)
        .put("evidence", evidence.copy());
  }

  /**
   * {@link #toJson()} encoded as UTF-8, the bytes the journal and Kafka store: the same fields in
   * the same order, written by a streaming generator, with no tree, no copy of the evidence and no
   * databind (one event per flagged text, on the event loop that screened it).
   */
  public byte[] encode() {
    return generate(TYPICAL_BYTES, json -> {
      json.writeStartObject();
      json.writeNumberField("schema", SCHEMA);
      json.writeStringField("id", id);
      json.writeStringField("time", time.toString());
      json.writeStringField("platform", platform);
      json.writeStringField("kind", kind.id());
      json.writeStringField("category", category);
      json.writeNumberField("severity", severity);
      json.writeStringField("rule", rule);
      json.writeStringField("user", user);
      json.writeStringField("region", region);
      json.writeStringField("dataId", dataId);
      json.writeBooleanField("mandatoryReport", mandatoryReport);
      json.writeFieldName("evidence");
      JacksonCodec.encodeJson(evidence, json);
      json.writeEndObject();
    });
  }

  /** What one of the encoders writes. */
  @FunctionalInterface
  private interface JsonWriting {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private static byte[] generate(int expectedBytes, JsonWriting writing) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(expectedBytes);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      writing.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a memory buffer does not fail", e);
    }
    return bytes.toByteArray();
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
        json.getString("dataId"),
        json.getBoolean("mandatoryReport", false),
        json.getJsonObject("evidence"));
  }

  /** An event of {@code kind} on {@code platform}; the rest is named, and what is not named is absent. */
  public static Builder builder(String platform, Kind kind) {
    return new Builder(platform, kind);
  }

  /**
   * An id derived from what identifies the occurrence, so the same occurrence reported again (a
   * retried request) gets the same id and the journal keeps it once.
   */
  public static String derivedId(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Builds a {@link ViolationEvent}; the id is random unless given (see {@link #derivedId}). */
  public static final class Builder {
    private final String platform;
    private final Kind kind;
    private String id;
    private Instant time;
    private String category;
    private int severity;
    private String rule;
    private String user;
    private String region;
    private String dataId;
    private boolean mandatoryReport;
    private JsonObject evidence;

    private Builder(String platform, Kind kind) {
      this.platform = platform;
      this.kind = kind;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /** The category and its severity. */
    public Builder category(String category, int severity) {
      this.category = category;
      this.severity = severity;
      return this;
    }

    public Builder rule(String rule) {
      this.rule = rule;
      return this;
    }

    public Builder user(String pseudonym) {
      this.user = pseudonym;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder dataId(String dataId) {
      this.dataId = dataId;
      return this;
    }

    public Builder mandatoryReport(boolean mandatoryReport) {
      this.mandatoryReport = mandatoryReport;
      return this;
    }

    public Builder evidence(JsonObject evidence) {
      this.evidence = evidence;
      return this;
    }

    public ViolationEvent build() {
      return new ViolationEvent(id == null ? UUID.randomUUID().toString() : id, time, platform, kind, category,
          severity, rule, user, region, dataId, mandatoryReport, evidence);
    }
  }
}
