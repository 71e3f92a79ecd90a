package org.humiao.http.privacy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;
import org.humiao.keys.ApiKey;
import org.humiao.keys.Role;
import org.humiao.privacy.NewRequest;
import org.humiao.privacy.PrivacyRequests;
import org.humiao.privacy.RequestKind;
import org.humiao.privacy.Requester;
import org.humiao.regions.RegionScope;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The data-rights routes. A request is done before it is answered (200 with its record). A
 * correction re-opens attestation, which could lift a minor's limits, so only an admin key (the
 * service's operator) makes one; a platform key's is refused 403.
 */
final class PrivacyRoutes {
  private static final Set<String> FIELDS = Set.of("platform", "user", "kind", "requester", "note");

  private final PrivacyRequests requests;
  private final WorkerPool pool;

  PrivacyRoutes(PrivacyRequests requests, WorkerPool pool) {
    this.requests = requests;
    this.pool = pool;
  }

  /** {@code POST /v1/privacy/requests {"platform"?, "user", "kind", "requester", "note"?}}. */
  void submit(RoutingContext ctx) {
    ApiKey key = Authenticator.key(ctx);
    JsonObject json = BodyFields.object(ctx.body().buffer());
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw BodyFields.invalid(field, "absent: the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String platform = platform(key, BodyFields.id(json, "platform", ""));
    String user = BodyFields.requiredId(json, "user");
    RequestKind kind = BodyFields.oneOf(RequestKind.class, "kind", BodyFields.required("kind", json.getValue("kind")),
        RequestKind::id);
    Requester requester = BodyFields.oneOf(Requester.class, "requester",
        BodyFields.required("requester", json.getValue("requester")), Requester::id);
    Object note = json.getValue("note");
    if (note != null && !(note instanceof String)) {
      throw BodyFields.invalid("note", "a string");
    }
    if (kind == RequestKind.CORRECT && key.role() != Role.ADMIN) {
      throw new ApiError(ErrorCode.FORBIDDEN, "a correction re-opens attestation: only the service's operator (admin) makes one");
    }
    NewRequest request = new NewRequest(platform, key.region(), user, kind, requester, (String) note);
    answer(ctx, () -> {
      try {
        return requests.submit(request).toJson();
      } catch (IllegalArgumentException e) {
        throw new ApiError(ErrorCode.INVALID_FIELD, e.getMessage());
      }
    });
  }

  /** {@code GET /v1/privacy/requests/:id?platform=}: another platform's request is not found. */
  void one(RoutingContext ctx) {
    String platform = platform(Authenticator.key(ctx), BodyFields.id(new JsonObject()
        .put("platform", ctx.queryParams().get("platform")), "platform", ""));
    String id = ctx.pathParam("id");
    answer(ctx, () -> requests.find(platform, id)
        .orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND, "no privacy request " + id + " of platform " + platform))
        .toJson());
  }

  /** {@code GET /v1/regulator/privacy}: counts of the requests forwarded by platforms in the key's region. */
  void counts(RoutingContext ctx) {
    RegionScope scope = Authenticator.key(ctx).scope();
    answer(ctx, () -> requests.counts(scope::contains).toJson()
        .put("region", scope.code()));
  }

  /** The platform named, or the key's own: a platform key may name no other, an admin must name one. */
  private static String platform(ApiKey key, String named) {
    PlatformScope.check(key, named);
    return BodyFields.required("platform", named != null ? named : key.platform());
  }

  private void answer(RoutingContext ctx, Callable<JsonObject> work) {
    pool.submit(work).onSuccess(answer -> Responses.json(ctx, 200, answer)).onFailure(ctx::fail);
  }
}
