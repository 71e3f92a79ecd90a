package org.humiao.http.minor;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.RecordingPool;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.humiao.keys.ApiKey;

/**
 * A minor-mode route: reading the body and the minor-mode call run as one task of the {@link
 * RecordingPool} (on the event loop with the embedded store, on a worker with Redis); the answer
 * is written once every write of the call (state, violation events, NPPA records) is durable.
 */
final class MinorRoute implements Handler<RoutingContext> {
  /** The work of one request; fails with {@link ApiError} for client mistakes. */
  interface Call {
    JsonObject answer(ApiKey key, JsonObject body);
  }

  private final RecordingPool pool;
  private final Call call;
  private final String route;
  private final MinorDecisionMetrics decisions;

  MinorRoute(RecordingPool pool, Call call, String route, MinorDecisionMetrics decisions) {
    this.pool = pool;
    this.call = call;
    this.route = route;
    this.decisions = decisions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Read here, on the event loop: the routing context is not to be touched from a worker.
    ApiKey key = Authenticator.key(ctx);
    Buffer body = ctx.body().buffer();
    pool.submit(() -> {
          JsonObject answer = call.answer(key, BodyFields.object(body));
          decisions.record(route, answer);
          return answer.toBuffer();
        })
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }
}
