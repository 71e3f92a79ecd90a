package org.humiao.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.humiao.durable.QueueFullException;
import org.humiao.durable.StorageFullException;
import org.humiao.minor.store.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;

/**
 * The last stop of every failed or unrouted request: an {@link ApiError} is answered as it says,
 * the router's own 400 / 404 / 405 / 413 become their error codes, unavailable shared state is 503
 * state_unavailable, a full write queue (the disk behind) is 503 overloaded, a full disk 503
 * storage_full, and anything else is a bug: logged with the request id, answered 500 with a
 * generic message and no stack trace.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  /** A Redis failover takes seconds; clients should not hammer it meanwhile. */
  private static final long STATE_RETRY_AFTER_SECONDS = 2;
  /** A full write queue drains within a second unless the disk has failed. */
  private static final long DISK_RETRY_AFTER_SECONDS = 1;
  /** The writers retry twice a second, but freeing space takes an operator: a little longer. */
  private static final long STORAGE_FULL_RETRY_AFTER_SECONDS = 5;

  @Override
  public void handle(RoutingContext ctx) {
    Responses.error(ctx, toApiError(ctx));
  }

  private static ApiError toApiError(RoutingContext ctx) {
    // a write's future fails wrapped; the cause is what happened
    Throwable failure = ctx.failure() instanceof CompletionException wrapped && wrapped.getCause() != null
        ? wrapped.getCause() : ctx.failure();
    if (failure instanceof ApiError error) {
      return error;
    }
    if (failure instanceof QueueFullException) {
      return new ApiError(ErrorCode.OVERLOADED, "the disk is behind; try again shortly", DISK_RETRY_AFTER_SECONDS);
    }
    if (failure instanceof StorageFullException) {
      // the writer has logged the outage once; one line per refused request would flood the log
      return new ApiError(ErrorCode.STORAGE_FULL, "the disk is full; nothing of this request was recorded, try again later",
          STORAGE_FULL_RETRY_AFTER_SECONDS);
    }
    if (failure instanceof StateUnavailableException e) {
      LOG.atWarn().addKeyValue("requestId", RequestIds.of(ctx)).log("request {}: {}", RequestIds.of(ctx), e.getMessage());
      return new ApiError(ErrorCode.STATE_UNAVAILABLE, "minor-mode state is unavailable; try again shortly",
          STATE_RETRY_AFTER_SECONDS);
    }
    return switch (ctx.statusCode()) {
      // vertx-web's own 400: the query string did not decode (a bad percent escape)
      case 400 -> new ApiError(ErrorCode.INVALID_FIELD, "the query string is not valid percent-encoding");
      case 404 -> new ApiError(ErrorCode.NOT_FOUND, "no such route");
      case 405 -> new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "this route does not take " + ctx.request().method());
      case 413 -> new ApiError(ErrorCode.BODY_TOO_LARGE, "request body is over the limit");
      default -> {
        String id = RequestIds.of(ctx);
        // the request id as a field of its own, so a platform's report of an id finds the line
        LOG.atError().setCause(ctx.failure()).addKeyValue("requestId", id)
            .addKeyValue("method", ctx.request().method().name()).addKeyValue("status", ctx.statusCode())
            .log("request {} {} {} failed with status {}", id, ctx.request().method(), ctx.request().path(), ctx.statusCode());
        yield new ApiError(ErrorCode.INTERNAL, "internal error, request id " + id);
      }
    };
  }
}
