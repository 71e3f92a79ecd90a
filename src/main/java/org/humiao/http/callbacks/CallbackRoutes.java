package org.humiao.http.callbacks;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.callbacks.CallbackUrl;
import org.humiao.callbacks.Callbacks;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;

import java.util.Set;
import java.util.concurrent.Callable;

/** The three callback routes; each checks the path's platform against the key before it reads the body. */
final class CallbackRoutes {
  private static final Set<String> PUT_FIELDS = Set.of("url", "rotateSecret");

  private final Callbacks callbacks;
  private final WorkerPool pool;

  CallbackRoutes(Callbacks callbacks, WorkerPool pool) {
    this.callbacks = callbacks;
    this.pool = pool;
  }

  /** {@code PUT}: {@code {"url": …, "rotateSecret": false}}; answers the callback, with the secret when new. */
  void register(RoutingContext ctx) {
    String platform = platform(ctx);
    JsonObject body = BodyFields.object(ctx.body().buffer());
    for (String name : body.fieldNames()) {
      if (!PUT_FIELDS.contains(name)) {
        throw BodyFields.invalid(name, "no such field; the body has rotateSecret, url");
      }
    }
    Object url = BodyFields.required("url", body.getValue("url"));
    if (!(url instanceof String text)) {
      throw BodyFields.invalid("url", "a string");
    }
    CallbackUrl.problem(text).ifPresent(problem -> {
      throw BodyFields.invalid("url", "an http or https URL: " + problem);
    });
    boolean rotate = BodyFields.flag(body, "rotateSecret");
    answer(ctx, () -> {
      Callbacks.Registration r = callbacks.register(platform, text, rotate);
      JsonObject json = r.callback().publicJson(platform);
      r.newSecret().ifPresent(secret -> json.put("secret", secret));
      return json;
    });
  }

  /** {@code GET}: the callback without its secret; 404 when the platform has none. */
  void read(RoutingContext ctx) {
    String platform = platform(ctx);
    answer(ctx, () -> callbacks.get(platform).orElseThrow(() -> new ApiError(ErrorCode.NOT_FOUND,
        "platform " + platform + " has no callback; register one with PUT")).publicJson(platform));
  }

  /** {@code DELETE}: no more alerts (those queued are dropped when their turn comes); 404 when there was none. */
  void delete(RoutingContext ctx) {
    String platform = platform(ctx);
    answer(ctx, () -> {
      if (!callbacks.delete(platform)) {
        throw new ApiError(ErrorCode.NOT_FOUND, "platform " + platform + " has no callback");
      }
      return new JsonObject().put("platform", platform).put("deleted", true);
    });
  }

  /** The path's platform: a platform key's own, any for an admin. */
  private static String platform(RoutingContext ctx) {
    String platform = BodyFields.requiredId(new JsonObject().put("platform", ctx.pathParam("platform")), "platform");
    PlatformScope.check(Authenticator.key(ctx), platform);
    return platform;
  }

  private void answer(RoutingContext ctx, Callable<JsonObject> call) {
    pool.submit(call).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
  }
}
