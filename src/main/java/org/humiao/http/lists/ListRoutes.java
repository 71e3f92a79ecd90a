package org.humiao.http.lists;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;
import org.humiao.moderation.lists.EntryProblem;
import org.humiao.moderation.lists.InvalidEntriesException;
import org.humiao.moderation.lists.ListEdit;
import org.humiao.moderation.lists.ListKind;
import org.humiao.moderation.lists.ListStoreUnavailableException;
import org.humiao.moderation.lists.PlatformEntries;
import org.humiao.moderation.lists.PlatformLists;

import java.util.Set;
import java.util.concurrent.Callable;

/** The four list routes: each answers the list, its version and entries, as it is after the call. */
final class ListRoutes {
  private static final Set<String> PUT_FIELDS = Set.of("entries");
  private static final Set<String> PATCH_FIELDS = Set.of("add", "remove");
  /** Redis is usually back within seconds. */
  private static final long STORE_RETRY_AFTER_SECONDS = 1;

  private final PlatformLists lists;
  private final WorkerPool pool;

  ListRoutes(PlatformLists lists, WorkerPool pool) {
    this.lists = lists;
    this.pool = pool;
  }

  void read(RoutingContext ctx) {
    Target target = target(ctx);
    answer(ctx, target, () -> lists.read(target.platform()));
  }

  void replace(RoutingContext ctx) {
    Target target = target(ctx);
    JsonObject body = body(ctx, PUT_FIELDS);
    ListEdit edit = edit(ctx, () -> ListEdit.replace(target.kind(), array(body, "entries", true), lists.limits()));
    if (edit != null) {
      answer(ctx, target, () -> lists.change(target.platform(), edit));
    }
  }

  void patch(RoutingContext ctx) {
    Target target = target(ctx);
    JsonObject body = body(ctx, PATCH_FIELDS);
    if (!body.containsKey("add") && !body.containsKey("remove")) {
      throw new ApiError(ErrorCode.MISSING_FIELD, "send add, remove or both");
    }
    ListEdit edit = edit(ctx, () -> ListEdit.patch(target.kind(), array(body, "add", false),
        array(body, "remove", false), lists.limits()));
    if (edit != null) {
      answer(ctx, target, () -> lists.change(target.platform(), edit));
    }
  }

  void clear(RoutingContext ctx) {
    Target target = target(ctx);
    answer(ctx, target, () -> lists.change(target.platform(), ListEdit.clear(target.kind())));
  }

  private record Target(String platform, ListKind kind) {}

  /** The platform (the caller's own, unless admin) and the list the path names. */
  private static Target target(RoutingContext ctx) {
    String platform = BodyFields.requiredId(new JsonObject().put("platform", ctx.pathParam("platform")), "platform");
    PlatformScope.check(Authenticator.key(ctx), platform);
    ListKind kind = ListKind.byId(ctx.pathParam("list"))
        .orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND, "a platform has two lists: block and allow"));
    return new Target(platform, kind);
  }

  private static JsonObject body(RoutingContext ctx, Set<String> fields) {
    JsonObject body = BodyFields.object(ctx.body().buffer());
    for (String name : body.fieldNames()) {
      if (!fields.contains(name)) {
        throw BodyFields.invalid(name, "no such field; the body has " + String.join(", ", fields.stream().sorted().toList()));
      }
    }
    return body;
  }

  private static JsonArray array(JsonObject body, String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        throw new ApiError(ErrorCode.MISSING_FIELD, field + " is required");
      }
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw BodyFields.invalid(field, "an array");
    }
    return array;
  }

  /** The validated change, or null when bad entries were answered. */
  private static ListEdit edit(RoutingContext ctx, java.util.function.Supplier<ListEdit> parse) {
    try {
      return parse.get();
    } catch (InvalidEntriesException e) {
      refuse(ctx, e);
      return null;
    }
  }

  /** 400 invalid_list_entries, the error's usual fields and every bad entry by its array and index. */
  private static void refuse(RoutingContext ctx, InvalidEntriesException e) {
    JsonArray entries = new JsonArray();
    e.problems().stream().map(EntryProblem::toJson).forEach(entries::add);
    Responses.json(ctx, ErrorCode.INVALID_LIST_ENTRIES.status(), new JsonObject().put("error", new JsonObject()
        .put("code", ErrorCode.INVALID_LIST_ENTRIES.id())
        .put("message", "nothing was applied: " + e.getMessage())
        .put("entries", entries)));
  }

  private void answer(RoutingContext ctx, Target target, Callable<PlatformEntries> work) {
    pool.submit(work).onComplete(done -> {
      if (done.succeeded()) {
        Responses.json(ctx, 200, done.result().toJson(target.kind()));
      } else if (done.cause() instanceof InvalidEntriesException invalid) {
        refuse(ctx, invalid);
      } else if (done.cause() instanceof ListStoreUnavailableException unavailable) {
        ctx.fail(new ApiError(ErrorCode.STATE_UNAVAILABLE, "the platform lists are unavailable: "
            + unavailable.getMessage() + "; try again shortly", STORE_RETRY_AFTER_SECONDS));
      } else {
        ctx.fail(done.cause());
      }
    });
  }
}
