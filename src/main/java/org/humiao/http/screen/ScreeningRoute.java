package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.http.RecordingPool;
import org.humiao.http.RequestIds;
import org.humiao.http.Responses;
import org.humiao.http.guard.Authenticator;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.humiao.keys.ApiKey;
import org.humiao.screening.ScreeningEngine;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A screening route: decoding, checking and screening run as one task on the screening pool, or,
 * where the task takes it ({@link Task#here}), on the event loop in part or in full; the answer is
 * written once the violation events of the task are durable. The task is given the request's
 * deadline, after which the pool has answered 503 timeout: a task that only starts then does nothing.
 */
final class ScreeningRoute implements Handler<RoutingContext> {
  /** The work of one request, run on a worker; fails with {@link ApiError} for client mistakes. */
  interface Task {
    /** @param deadlineNanos when ({@link System#nanoTime()}) the request has been answered 503 timeout */
    Buffer answer(ScreeningEngine engine, ApiKey key, Buffer body, String requestId, long deadlineNanos);

    /**
     * Called on the event loop first: the answer, if this task runs all or part of the request
     * here (what remains going through {@code places}); null sends all of it to {@link #answer}.
     */
    default Future<Buffer> here(ScreeningEngine engine, ApiKey key, Buffer body, String requestId, Places places) {
      return null;
    }
  }

  /** Where a task started on the event loop runs what remains; each completes once its writes are durable. */
  interface Places {
    /**
     * Right here, on the event loop, counted among the loop's requests in flight until it completes;
     * {@code work} may itself hand what remains to {@link #pool}.
     */
    Future<Buffer> here(Callable<Future<Buffer>> work);

    /** On the screening pool, unless the request's deadline has passed by the time it starts. */
    Future<Buffer> pool(Callable<Buffer> work);
  }

  private final EngineSlot engine;
  private final RecordingPool pool;
  private final RecordingPool loop;
  private final long timeoutNanos;
  private final Task task;

  /** @param loop runs work on the calling event loop, for the parts a task does there */
  ScreeningRoute(EngineSlot engine, RecordingPool pool, RecordingPool loop, Duration timeout, Task task) {
    this.engine = engine;
    this.pool = pool;
    this.loop = loop;
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
    Places places = new RequestPlaces(loop, pool, deadline);
    Future<Buffer> answer = task.here(current, key, body, requestId, places);
    (answer != null ? answer : places.pool(() -> task.answer(current, key, body, requestId, deadline)))
        .onSuccess(done -> Responses.json(ctx, 200, done))
        .onFailure(ctx::fail);
  }

  private record RequestPlaces(RecordingPool loop, RecordingPool pool, long deadline) implements Places {
    @Override
    public Future<Buffer> here(Callable<Future<Buffer>> work) {
      return loop.submit(work).compose(answer -> answer);
    }

    @Override
    public Future<Buffer> pool(Callable<Buffer> work) {
      return pool.submit(() -> {
        checkDeadline(deadline, "before it started");
        return work.call();
      });
    }
  }

  /** @throws ApiError timeout once the deadline has passed: no one waits for the work any more */
  static void checkDeadline(long deadlineNanos, String when) {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new ApiError(ErrorCode.TIMEOUT, "screening passed its deadline " + when, 1);
    }
  }
}
