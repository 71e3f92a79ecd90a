package org.humiao.http.cases;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.cases.Agency;
import org.humiao.cases.CaseAction;
import org.humiao.cases.CaseException;
import org.humiao.cases.CaseStatus;
import org.humiao.cases.CaseStore;
import org.humiao.cases.MandatoryCase;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.keys.ApiKey;
import org.humiao.regions.RegionScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The case routes. A key sees and acts on the cases of its region and the divisions under it only;
 * a case outside is answered as one that does not exist (404), so a key learns nothing of it.
 */
final class CaseRoutes {
  private final CaseStore store;
  private final WorkerPool pool;
  private final Clock clock;

  CaseRoutes(CaseStore store, WorkerPool pool, Clock clock) {
    this.store = store;
    this.pool = pool;
    this.clock = clock;
  }

  /** {@code GET /v1/cases?status=&overdue=true}: newest opening first. */
  void list(RoutingContext ctx) {
    RegionScope scope = Authenticator.key(ctx).scope();
    String status = ctx.queryParams().get("status");
    CaseStatus only = status == null ? null : BodyFields.oneOf(CaseStatus.class, "status", status, CaseStatus::id);
    String overdue = ctx.queryParams().get("overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw BodyFields.invalid("overdue", "true or false");
    }
    answer(ctx, () -> {
      Instant now = clock.instant();
      JsonArray cases = new JsonArray();
      store.all().stream()
          .filter(c -> scope.contains(c.region()))
          .filter(c -> only == null || c.status() == only)
          .filter(c -> overdue == null || c.overdue(now) == Boolean.parseBoolean(overdue))
          .forEach(c -> cases.add(json(c, now)));
      return new JsonObject().put("region", scope.code()).put("cases", cases);
    });
  }

  /** {@code GET /v1/cases/:id}. */
  void one(RoutingContext ctx) {
    RegionScope scope = Authenticator.key(ctx).scope();
    String id = ctx.pathParam("id");
    answer(ctx, () -> json(inScope(store.find(id), scope, id), clock.instant()));
  }

  /** {@code POST /v1/cases/:id/actions {"status","agency","note"}}: one step, by the calling key. */
  void act(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    String id = ctx.pathParam("id");
    Buffer body = ctx.body().buffer();
    answer(ctx, () -> {
      JsonObject json = BodyFields.object(body);
      CaseStatus status = BodyFields.oneOf(CaseStatus.class, "status", BodyFields.required("status",
          json.getValue("status")), CaseStatus::id);
      Object agency = json.getValue("agency");
      Object note = json.getValue("note");
      if (note != null && !(note instanceof String)) {
        throw BodyFields.invalid("note", "a string");
      }
      inScope(store.find(id), key.scope(), id);
      Instant now = clock.instant();
      CaseAction action = new CaseAction(now, key.id(), status,
          agency == null ? null : BodyFields.oneOf(Agency.class, "agency", agency, Agency::id), (String) note);
      return json(store.act(id, action), now);
    });
  }

  private static MandatoryCase inScope(Optional<MandatoryCase> found, RegionScope scope, String id) {
    return found.filter(c -> scope.contains(c.region()))
        .orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND, "no case " + id + " in this key's region"));
  }

  /** Runs {@code work} on the pool; a refused step becomes its stable error. */
  private void answer(RoutingContext ctx, Callable<JsonObject> work) {
    pool.submit(() -> {
      try {
        return work.call();
      } catch (CaseException e) {
        throw new ApiError(switch (e.problem()) {
          case NOT_FOUND -> ErrorCode.NOT_FOUND;
          case CONFLICT -> ErrorCode.CASE_CONFLICT;
          case INVALID -> ErrorCode.INVALID_FIELD;
        }, e.getMessage());
      }
    }).onSuccess(answer -> Responses.json(ctx, 200, answer)).onFailure(ctx::fail);
  }

  private static JsonObject json(MandatoryCase c, Instant now) {
    Instant deadline = c.deadline();
    return c.toJson()
        .put("status", c.status().id())
        .put("agency", c.agency() == null ? null : c.agency().id())
        .put("opened", c.opened().toString())
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("overdue", c.overdue(now));
  }
}
