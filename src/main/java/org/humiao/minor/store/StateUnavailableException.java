package org.humiao.minor.store;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state could not be read or changed (the store did not answer in time, or failed), so nothing
 * can be decided: callers answer "try again" (HTTP 503), never a guess such as "allowed".
 */
public final class StateUnavailableException extends RuntimeException {
  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Waits at most {@code timeout} for a Redis call of a worker thread: its result, or this
   * exception when Redis failed, was late, or the wait was interrupted.
   */
  public static <T> T awaitRedis(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateUnavailableException("interrupted while waiting for Redis", e);
    } catch (ExecutionException e) {
      throw new StateUnavailableException("Redis failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StateUnavailableException("Redis did not answer within " + timeout, e);
    }
  }
}
