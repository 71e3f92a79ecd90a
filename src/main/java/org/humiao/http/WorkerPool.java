package org.humiao.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one kind of work off the event loop, on a worker pool, admitting at most {@code maxInFlight}
 * tasks at once: past that a request gets 503 overloaded at once instead of queuing without bound.
 * A task's answer that takes longer than the timeout becomes 503 timeout; the task itself cannot
 * be interrupted and keeps its slot until it ends, so the bound holds on real work.
 */
public final class WorkerPool {
  private final String work;
  private final WorkerExecutor workers;
  private final int maxInFlight;
  private final long timeoutMillis;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** @param work what the pool runs, as its error messages name it ("screening") */
  public WorkerPool(String work, WorkerExecutor workers, int maxInFlight, long timeoutMillis) {
    this.work = work;
    this.workers = workers;
    this.maxInFlight = maxInFlight;
    this.timeoutMillis = timeoutMillis;
  }

  public <T> Future<T> submit(Callable<T> task) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new ApiError(ErrorCode.OVERLOADED, "too many " + work + " requests in flight", 1));
    }
    // ordered=false: independent requests run in parallel on every worker thread.
    return workers.executeBlocking(task, false)
        .andThen(done -> inFlight.decrementAndGet())
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
            ? new ApiError(ErrorCode.TIMEOUT, work + " took over " + timeoutMillis + " ms", 1)
            : failure));
  }

  public int inFlight() {
    return inFlight.get();
  }
}
