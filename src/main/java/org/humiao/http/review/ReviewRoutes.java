package org.humiao.http.review;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.RecordingPool;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;
import org.humiao.keys.ApiKey;
import org.humiao.moderation.lists.ListKind;
import org.humiao.moderation.review.BlockedContent;
import org.humiao.moderation.review.ListAddition;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.moderation.review.ReviewStore;
import org.humiao.moderation.review.ReviewTask;
import org.humiao.moderation.review.TaskKind;
import org.humiao.moderation.review.TaskQuery;
import org.humiao.moderation.review.TaskStatus;
import org.humiao.moderation.review.Verdict;
import org.humiao.moderation.review.Vocabulary;
import org.humiao.screening.Category;

import java.util.List;
import java.util.concurrent.Callable;

import static org.humiao.http.Query.number;

/**
 * The review routes' handlers. What a key may see is its own platform's (an admin names one, or
 * for lists and counts sees all); a task of another platform is 404, as if it did not exist.
 * Reading the request happens here, on the event loop; the queue's work runs on the pool.
 */
final class ReviewRoutes {
  private static final int MAX_LIMIT = 100;
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_NOTE = 1_000;
  /** Reports handled within this many hours are counted as handled in time unless the query says otherwise. */
  private static final int DEFAULT_WITHIN_HOURS = 24;

  private final ReviewQueue queue;
  private final RecordingPool pool;
  private final ReviewMetrics metrics;
  private final BlockedContent blocks;

  ReviewRoutes(ReviewQueue queue, RecordingPool pool, ReviewMetrics metrics, BlockedContent blocks) {
    this.queue = queue;
    this.pool = pool;
    this.metrics = metrics;
    this.blocks = blocks;
  }

  void list(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    TaskQuery query = new TaskQuery(platform(ctx, false),
        choice(ctx, "status", TaskStatus.class),
        category(ctx.queryParams().get("category"), "category"),
        choice(ctx, "kind", TaskKind.class),
        (int) number(ctx, "offset", 0, 0, 1_000_000),
        (int) number(ctx, "limit", 20, 1, MAX_LIMIT));
    answer(ctx, () -> {
      List<ReviewTask> tasks = queue.list(query);
      return new JsonObject()
          .put("tasks", ReviewJson.tasks(tasks, key, queue.now()))
          .put("offset", query.offset())
          .put("limit", query.limit())
          .put("next", tasks.size() == query.limit() ? query.offset() + query.limit() : null);
    });
  }

  void task(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String platform = platform(ctx, true);
    String id = ctx.pathParam("id");
    answer(ctx, () -> ReviewJson.task(queue.task(platform, id).orElseThrow(() -> missing(id)), key, queue.now()));
  }

  void claim(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String platform = platform(ctx, true);
    String id = ctx.pathParam("id");
    answer(ctx, () -> {
      ReviewStore.Claimed claimed = queue.claim(platform, id, key.id());
      refuse(claimed.outcome(), id);
      return ReviewJson.task(claimed.task(), key, queue.now());
    });
  }

  void resolve(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String platform = platform(ctx, true);
    String id = ctx.pathParam("id");
    JsonObject body = BodyFields.object(ctx.body().buffer());
    Verdict verdict = BodyFields.oneOf(Verdict.class, "verdict", BodyFields.required("verdict", body.getValue("verdict")),
        Vocabulary::id);
    String category = category(body.getValue("category"), "category");
    String note = text(body, "note", MAX_NOTE);
    ListAddition addition = addition(body.getValue("addToList"));
    answer(ctx, () -> {
      ReviewQueue.Resolution resolved = queue.resolve(platform, id, key.id(), verdict, category, note, addition);
      refuse(resolved.outcome(), id);
      metrics.resolved(resolved.task());
      return ReviewJson.task(resolved.task(), key, queue.now()).put("listed", resolved.listed());
    });
  }

  void appeal(RoutingContext ctx) {
    complain(ctx, TaskKind.APPEAL);
  }

  void report(RoutingContext ctx) {
    complain(ctx, TaskKind.REPORT);
  }

  /** An appeal names the appellant and says whether they are a minor; a report names both users and needs a reason. */
  private void complain(RoutingContext ctx, TaskKind kind) {
    ApiKey key = Authenticator.key(ctx);
    JsonObject body = BodyFields.object(ctx.body().buffer());
    String named = BodyFields.id(body, "platform", "");
    PlatformScope.check(key, named);
    String platform = BodyFields.required("platform", named != null ? named : key.platform());
    String dataId = BodyFields.requiredId(body, "dataId");
    String content = BodyFields.required("text", text(body, "text", MAX_TEXT));
    String scene = BodyFields.id(body, "scene", "");
    String category = category(body.getValue("category"), "category");
    boolean report = kind == TaskKind.REPORT;
    String reason = report ? BodyFields.required("reason", text(body, "reason", MAX_NOTE)) : text(body, "reason", MAX_NOTE);
    ReviewTask.Complaint complaint = report
        ? new ReviewTask.Complaint(BodyFields.id(body, "reporterId", ""), BodyFields.id(body, "reportedUser", ""), reason,
            BodyFields.flag(body, "reporterMinor") || BodyFields.flag(body, "reportedMinor"))
        : new ReviewTask.Complaint(BodyFields.id(body, "userId", ""), null, reason, BodyFields.flag(body, "minor"));
    answer(ctx, () -> {
      if (kind == TaskKind.APPEAL && !blocks.wasBlocked(platform, dataId)) {
        throw new ApiError(ErrorCode.NOT_BLOCKED, "the journal holds no block of dataId " + dataId + " on platform "
            + platform + " within its retention; only blocked content can be appealed");
      }
      return ReviewJson.receipt(queue.complain(platform, kind, dataId, scene, content, category, complaint), queue.now());
    });
  }

  void summary(RoutingContext ctx) {
    String platform = platform(ctx, false);
    int within = (int) number(ctx, "withinHours", DEFAULT_WITHIN_HOURS, 1, 8_760);
    answer(ctx, () -> ReviewJson.summary(platform, queue.summary(platform, within)));
  }

  private void answer(RoutingContext ctx, Callable<JsonObject> work) {
    pool.submit(() -> work.call().toBuffer())
        .onSuccess((Buffer answer) -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  /**
   * The platform a request acts on: a platform or reviewer key's own (it may name no other); what
   * an admin names, which a route on one task requires and a list may leave out (all platforms).
   */
  private static String platform(RoutingContext ctx, boolean required) {
    ApiKey key = Authenticator.key(ctx);
    String named = BodyFields.id(new JsonObject().put("platform", ctx.queryParams().get("platform")), "platform", "");
    PlatformScope.check(key, named);
    String platform = named != null ? named : key.platform();
    return required ? BodyFields.required("platform", platform) : platform;
  }

  private static void refuse(ReviewStore.Outcome outcome, String id) {
    switch (outcome) {
      case DONE -> { }
      case MISSING -> throw missing(id);
      case HELD -> throw new ApiError(ErrorCode.TASK_CLAIMED, "task " + id + " is claimed by another reviewer; its lease "
          + "has not ended");
      case NOT_CLAIMED -> throw new ApiError(ErrorCode.TASK_NOT_CLAIMED, "claim task " + id + " first (or again: the "
          + "lease ended)");
      case ALREADY_RESOLVED -> throw new ApiError(ErrorCode.TASK_RESOLVED, "task " + id + " is resolved already");
    }
  }

  private static ApiError missing(String id) {
    return new ApiError(ErrorCode.NOT_FOUND, "no review task " + id + " on this platform");
  }

  private static <E extends Enum<E>> E choice(RoutingContext ctx, String name, Class<E> type) {
    String value = ctx.queryParams().get(name);
    return value == null ? null : BodyFields.oneOf(type, name, value, Vocabulary::id);
  }

  /** A category id of the screening vocabulary, or null when absent. */
  private static String category(Object value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return Category.byId(String.valueOf(value)).id();
    } catch (IllegalArgumentException e) {
      throw BodyFields.invalid(field, "a category id of the screen answer's categories");
    }
  }

  /** An optional free text of at most {@code max} characters. */
  private static String text(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > max) {
      throw BodyFields.invalid(field, "a non-blank string of at most " + max + " characters");
    }
    return s;
  }

  private static ListAddition addition(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject json)) {
      throw BodyFields.invalid("addToList", "an object {\"list\": \"block\"|\"allow\", \"term\": …}");
    }
    return new ListAddition(
        BodyFields.oneOf(ListKind.class, "addToList.list",
            BodyFields.required("addToList.list", json.getValue("list")), ListKind::id),
        BodyFields.required("addToList.term", text(json, "term", 100)));
  }
}
