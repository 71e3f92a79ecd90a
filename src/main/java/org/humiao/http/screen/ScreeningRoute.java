package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.RecordingPool;
import org.humiao.http.RequestIds;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreeningEngine;

/**
 * A screening route: decoding, checking and screening all run as one task on the screening pool;
 * the event loop only hands over the buffered body and writes the encoded answer, once the
 * violation events of the task are durable.
 */
final class ScreeningRoute implements Handler<RoutingContext> {
  /** The work of one request, run on a worker; fails with {@link ApiError} for client mistakes. */
  interface Task {
    Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId);
  }

  private final EngineSlot engine;
  private final RecordingPool pool;
  private final Task task;

  ScreeningRoute(EngineSlot engine, RecordingPool pool, Task task) {
    this.engine = engine;
    this.pool = pool;
    this.task = task;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Read on the event loop: the routing context is not to be touched from the worker.
    ScreeningEngine current = engine.require();
    ApiKey key = Authenticator.key(ctx);
    String requestId = RequestIds.of(ctx);
    Buffer body = ctx.body().buffer();
    pool.submit(() -> task.answer(current, key, body, requestId))
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }
}
