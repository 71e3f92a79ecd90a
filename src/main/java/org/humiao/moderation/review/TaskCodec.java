package org.humiao.moderation.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task as stored: one JSON object, the same in the embedded log and in Redis. */
public final class TaskCodec {
  private TaskCodec() {}

  public static JsonObject toJson(ReviewTask t) {
    ReviewTask.Content c = t.content();
    JsonArray evidence = evidence(c);
    JsonObject json = new JsonObject()
        .put("id", t.id()).put("platform", t.platform()).put("kind", Vocabulary.id(t.kind())).put("dataId", t.dataId())
        .put("priority", t.priority()).put("created", t.created().toString())
        .put("content", new JsonObject().put("scene", c.scene()).put("text", c.text()).put("masked", c.masked())
            .put("evidence", evidence).put("categories", new JsonArray(new ArrayList<>(c.categories())))
            .put("source", Vocabulary.id(c.source())));
    if (t.complaint() != null) {
      json.put("complaint", toJson(t.complaint()));
    }
    if (t.claim() != null) {
      json.put("claim", toJson(t.claim()));
    }
    if (t.resolution() != null) {
      json.put("resolution", toJson(t.resolution()));
    }
    return json;
  }

  /** The evidence of a task's content, with offsets: as stored and as shown to a reviewer. */
  public static JsonArray evidence(ReviewTask.Content c) {
    JsonArray evidence = new JsonArray();
    c.evidence().forEach(e -> evidence.add(new JsonObject().put("term", e.term()).put("category", e.category())
        .put("severity", e.severity()).put("start", e.start()).put("end", e.end()).put("source", e.source())));
    return evidence;
  }

  public static JsonObject toJson(ReviewTask.Complaint p) {
    return new JsonObject().put("userId", p.userId()).put("reportedUser", p.reportedUser())
        .put("reason", p.reason()).put("minor", p.minor());
  }

  public static JsonObject toJson(ReviewTask.Claim claim) {
    return new JsonObject().put("keyId", claim.keyId()).put("until", claim.until().toString());
  }

  public static JsonObject toJson(ReviewTask.Resolution r) {
    return new JsonObject().put("verdict", Vocabulary.id(r.verdict())).put("category", r.category())
        .put("note", r.note()).put("keyId", r.keyId()).put("at", r.at().toString());
  }

  public static ReviewTask.Resolution resolution(JsonObject r) {
    return new ReviewTask.Resolution(parse(Verdict.class, r.getString("verdict")), r.getString("category"),
        r.getString("note"), r.getString("keyId"), Instant.parse(r.getString("at")));
  }

  /** @throws IllegalArgumentException (or a ClassCastException, NullPointerException) when it is no task */
  public static ReviewTask fromJson(JsonObject json) {
    JsonObject c = json.getJsonObject("content");
    List<TaskEvidence> evidence = new ArrayList<>();
    for (Object o : c.getJsonArray("evidence")) {
      JsonObject e = (JsonObject) o;
      evidence.add(new TaskEvidence(e.getString("term"), e.getString("category"), e.getInteger("severity"),
          e.getInteger("start"), e.getInteger("end"), e.getString("source")));
    }
    List<String> categories = new ArrayList<>();
    c.getJsonArray("categories").forEach(o -> categories.add((String) o));
    ReviewTask.Content content = new ReviewTask.Content(c.getString("scene"), c.getString("text"), c.getString("masked"),
        evidence, categories, parse(DecisionSource.class, c.getString("source")));
    JsonObject p = json.getJsonObject("complaint");
    JsonObject claim = json.getJsonObject("claim");
    JsonObject r = json.getJsonObject("resolution");
    return new ReviewTask(json.getString("id"), json.getString("platform"), parse(TaskKind.class, json.getString("kind")),
        json.getString("dataId"), json.getInteger("priority"), Instant.parse(json.getString("created")), content,
        p == null ? null : new ReviewTask.Complaint(p.getString("userId"), p.getString("reportedUser"),
            p.getString("reason"), p.getBoolean("minor")),
        claim == null ? null : new ReviewTask.Claim(claim.getString("keyId"), Instant.parse(claim.getString("until"))),
        r == null ? null : resolution(r));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String id) {
    return Vocabulary.byId(type, id).orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName()
        + " " + id));
  }
}
