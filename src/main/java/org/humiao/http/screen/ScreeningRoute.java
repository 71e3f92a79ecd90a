package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.http.RecordingPool;
import org.humiao.http.RequestIds;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreeningEngine;

import java.time.Duration;

/**
 * A screening route: decoding, checking and screening all run as one task on the screening pool;
 * the event loop only hands over the buffered body and writes the encoded answer, once the
 * violation events of the task are durable. The task is given the request's deadline, after which
 * the pool has answered 503 timeout: a task that only starts then does nothing.
 */
final class ScreeningRoute implements Handler<RoutingContext> {
  /** The work of one request, run on a worker; fails with {@link ApiError} for client mistakes. */
  interface Task {
    /** @param deadlineNanos when ({@link System#nanoTime()}) the request has been answered 503 timeout */
    Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId, long deadlineNanos);
  }

  private final EngineSlot engine;
  private final RecordingPool pool;
  private final long timeoutNanos;
  private final Task task;

  ScreeningRoute(EngineSlot engine, RecordingPool pool, Duration timeout, Task task) {
    this.engine = engine;
    this.pool = pool;
    this.timeoutNanos = timeout.toNanos();
    this.task = task;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Read on the event loop: the routing context is not to be touched from the worker.
    ScreeningEngine current = engine.require();
    ApiKey key = Authenticator.key(ctx);
    String requestId = RequestIds.of(ctx);
    Buffer body = ctx.body().buffer();
    long deadline = System.nanoTime() + timeoutNanos;
    pool.submit(() -> {
      checkDeadline(deadline, "before it started");
      return task.answer(current, key, body, requestId, deadline);
    })
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  /** @throws ApiError timeout once the deadline has passed: no one waits for the work any more */
  static void checkDeadline(long deadlineNanos, String when) {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new ApiError(ErrorCode.TIMEOUT, "screening passed its deadline " + when, 1);
    }
  }
}
