package org.humiao.http.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.keys.ApiKey;
import org.humiao.moderation.review.ReviewSummary;
import org.humiao.moderation.review.ReviewTask;
import org.humiao.moderation.review.TaskCodec;
import org.humiao.moderation.review.TaskKind;
import org.humiao.moderation.review.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The review answers' JSON. Every task shown with its text is one log line naming the key and the
 * task (never the text): who read which user's words is on record.
 */
final class ReviewJson {
  private static final Logger LOG = LoggerFactory.getLogger("humiao.review");

  private ReviewJson() {}

  static JsonArray tasks(List<ReviewTask> tasks, ApiKey reader, Instant now) {
    JsonArray array = new JsonArray();
    tasks.forEach(t -> array.add(task(t, reader, now)));
    return array;
  }

  static JsonObject task(ReviewTask t, ApiKey reader, Instant now) {
    ReviewTask.Content c = t.content();
    if (c.text() != null) {
      LOG.atInfo().setMessage("review text read").addKeyValue("keyId", reader.id()).addKeyValue("taskId", t.id())
          .addKeyValue("platform", t.platform()).log();
    }
    JsonObject json = receipt(t, now)
        .put("platform", t.platform())
        .put("dataId", t.dataId())
        .put("scene", c.scene())
        .put("text", c.text())
        .put("masked", c.masked())
        .put("evidence", TaskCodec.evidence(c))
        .put("categories", new JsonArray(new ArrayList<>(c.categories())))
        .put("source", Vocabulary.id(c.source()))
        .put("complaint", null)
        .put("claim", null)
        .put("resolution", null);
    if (t.complaint() != null) {
      json.put("complaint", TaskCodec.toJson(t.complaint()));
    }
    if (t.claim() != null) {
      json.put("claim", TaskCodec.toJson(t.claim()));
    }
    if (t.resolution() != null) {
      ReviewTask.Resolution r = t.resolution();
      json.put("resolution", new JsonObject().put("verdict", Vocabulary.id(r.verdict())).put("outcome", r.verdict().outcome())
          .put("category", t.settledCategory()).put("note", r.note()).put("keyId", r.keyId()).put("at", r.at().toString()));
    }
    return json;
  }

  /** What an appeal or report answers: the task it made (or found), without the text the platform just sent. */
  static JsonObject receipt(ReviewTask t, Instant now) {
    return new JsonObject()
        .put("id", t.id())
        .put("kind", Vocabulary.id(t.kind()))
        .put("status", Vocabulary.id(t.status(now)))
        .put("priority", t.priority())
        .put("created", t.created().toString());
  }

  static JsonObject summary(String platform, ReviewSummary summary) {
    JsonObject kinds = new JsonObject();
    for (TaskKind kind : TaskKind.values()) {
      ReviewSummary.Counts c = summary.kinds().get(kind);
      kinds.put(Vocabulary.id(kind), new JsonObject()
          .put("open", c.open())
          .put("resolved", c.resolved())
          .put("confirmed", c.confirmed())
          .put("overturned", c.overturned())
          .put("minor", c.minor())
          .put("handledInTime", c.handledInTime())
          .put("meanHandlingSeconds", c.meanHandlingSeconds()));
    }
    return new JsonObject().put("platform", platform).put("withinHours", summary.withinHours()).put("kinds", kinds);
  }
}
