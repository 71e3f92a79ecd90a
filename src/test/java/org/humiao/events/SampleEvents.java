package org.humiao.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Events for tests: all fields that summaries count by are chosen, the rest fixed. */
public final class SampleEvents {
  private static final Pseudonyms PSEUDONYMS = new Pseudonyms("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  private SampleEvents() {}

  public static ViolationEvent event(String id, Instant time, String platform, ViolationEvent.Kind kind, String category,
                                     int severity, String region) {
    return ViolationEvent.builder(platform, kind).id(id).time(time).category(category, severity).rule("term")
        .user(PSEUDONYMS.of(platform, id)).region(region).mandatoryReport(severity >= 4)
        .evidence(new JsonObject().put("masked", "你个**").put("terms", "傻逼")).build();
  }

  /** The {@code n}th of a varied stream: two platforms, three kinds, severities 1–4, one event a minute. */
  public static ViolationEvent numbered(long n) {
    ViolationEvent.Kind[] kinds = {ViolationEvent.Kind.TEXT_BLOCKED, ViolationEvent.Kind.TEXT_REVIEW,
        ViolationEvent.Kind.CURFEW_ATTEMPT};
    return event("e" + n, Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60 * n), n % 2 == 0 ? "demo" : "other",
        kinds[(int) (n % kinds.length)], n % 5 == 0 ? "threat" : "insult", (int) (n % 4) + 1, "110000");
  }

  /**
   * Every field set, and evidence with every kind of JSON value: nested objects and arrays, null, a
   * boolean, an int, a long, a fraction, CJK text, an emoji outside the BMP, a control character,
   * quotes and a backslash.
   */
  public static ViolationEvent withEveryKindOfEvidence() {
    return ViolationEvent.builder("demo", ViolationEvent.Kind.TEXT_REVIEW).id("e2")
        .time(Instant.parse("2026-12-07T21:30:00.123456Z")).category("insult", 2).rule("term")
        .user(PSEUDONYMS.of("demo", "7")).region("310000").dataId("m\"sg\n8").mandatoryReport(false)
        .evidence(new JsonObject().put("decision", "review").put("scene", "chat")
            .put("terms", new JsonArray().add(new JsonObject().put("term", "傻\u0001逼😀").put("severity", 2)
                .put("source", "lexicon")).add(new JsonObject().put("term", "</b>\\").put("score", 0.625)))
            .put("categories", new JsonArray().add("insult").addNull().add(true))
            .put("offsets", new JsonArray().add(3L).add(4_000_000_000L).add(new JsonArray()))
            .put("masked", null).put("lexiconVersion", "2026.12.12-3"))
        .build();
  }
}
