package org.humiao.http.strategies;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.Responses;
import org.humiao.http.WorkerPool;
import org.humiao.http.guard.Authenticator;
import org.humiao.http.guard.PlatformScope;
import org.humiao.http.guard.RoleCheck;
import org.humiao.keys.Role;
import org.humiao.moderation.strategy.Strategies;
import org.humiao.moderation.strategy.Strategy;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * A platform's screening strategy, {@code /v1/platforms/{platform}/strategy}: read by the platform's
 * own keys and admin keys, chosen by admin keys only. A choice is durable before the answer
 * (data dir or Redis) and overrides {@code policies/strategies/assignments.json}. Store calls run on {@code pool}.
 */
public record StrategyApi(Strategies strategies, WorkerPool pool) {
  static final String PATH = "/v1/platforms/:platform/strategy";

  public void mount(Mount mount) {
    mount.route(HttpMethod.GET, PATH, Access.ANY_KEY, RoleCheck.allow(Role.PLATFORM, Role.ADMIN), this::read);
    mount.route(HttpMethod.PUT, PATH, Access.ADMIN_BODY, this::choose);
  }

  private void read(RoutingContext ctx) {
    String platform = platform(ctx);
    answer(ctx, platform, () -> strategies.current().forPlatform(platform));
  }

  private void choose(RoutingContext ctx) {
    String platform = platform(ctx);
    JsonObject body = BodyFields.object(ctx.body().buffer());
    for (String name : body.fieldNames()) {
      if (!"strategy".equals(name)) {
        throw BodyFields.invalid(name, "no such field; the body has strategy");
      }
    }
    String id = BodyFields.requiredId(body, "strategy");
    answer(ctx, platform, () -> strategies.choose(platform, id).orElseThrow(() -> new ApiError(ErrorCode.UNKNOWN_STRATEGY,
        "no strategy " + id + "; the strategies are " + String.join(", ", new TreeSet<>(known())))));
  }

  private Set<String> known() {
    return strategies.current().strategies().keySet();
  }

  /** The platform the path names; a platform key may name only its own. */
  private static String platform(RoutingContext ctx) {
    String platform = BodyFields.requiredId(new JsonObject().put("platform", ctx.pathParam("platform")), "platform");
    PlatformScope.check(Authenticator.key(ctx), platform);
    return platform;
  }

  private void answer(RoutingContext ctx, String platform, Callable<Strategy> work) {
    pool.submit(work)
        .onSuccess(s -> Responses.json(ctx, 200, new JsonObject().put("platform", platform)
            .put("strategy", new JsonObject().put("id", s.id()).put("version", s.version())).toBuffer()))
        .onFailure(ctx::fail);
  }
}
