package org.humiao.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.humiao.durable.PendingWrites;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a request's work and completes only once every disk write the work started is durable
 * ({@link PendingWrites}): its violation events in the journal and, for minor mode, its state
 * changes and NPPA records. An answer never tells a platform "done" about a refusal or a counted
 * minute a crash could still lose. The work reports events through this consumer (minor mode and
 * the screener are given it as their sink).
 *
 * <p>Work that may block runs on a {@link WorkerPool}; work that never waits on I/O (minor mode
 * on the embedded store) runs right on the event loop, saving two thread hops per request, and
 * only its answer waits for the disk. Either way at most {@code maxInFlight} requests are admitted
 * at once (then 503 overloaded) and one whose writes take longer than the timeout gets 503 timeout.
 */
final class RecordingPool implements Consumer<ViolationEvent> {
  private final String work;
  private final WorkerPool workers;
  private final Journal journal;
  private final PendingWrites pending;
  private final int maxInFlight;
  private final long timeoutMillis;
  private final AtomicInteger inFlight = new AtomicInteger();

  private RecordingPool(String work, WorkerPool workers, Journal journal, PendingWrites pending, int maxInFlight,
                        long timeoutMillis) {
    this.work = work;
    this.workers = workers;
    this.journal = journal;
    this.pending = pending;
    this.maxInFlight = maxInFlight;
    this.timeoutMillis = timeoutMillis;
  }

  /** Runs the work on {@code workers}, which bound it and time it out. */
  static RecordingPool onWorkers(WorkerPool workers, Journal journal, PendingWrites pending) {
    return new RecordingPool(null, workers, journal, pending, 0, 0);
  }

  /** Runs the work on the calling event loop; {@code work} names it in errors ("minor-mode"). */
  static RecordingPool onEventLoop(String work, Journal journal, PendingWrites pending, int maxInFlight,
                                   long timeoutMillis) {
    return new RecordingPool(work, null, journal, pending, maxInFlight, timeoutMillis);
  }

  @Override
  public void accept(ViolationEvent event) {
    pending.await(journal.append(event));
  }

  /** Call on the event loop: the answer continues on its context once the work's writes are durable. */
  <T> Future<T> submit(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (workers != null) {
      return workers.submit(() -> pending.track(work)).compose(done -> durable(done, context));
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new ApiError(ErrorCode.OVERLOADED, "too many " + this.work + " requests in flight", 1));
    }
    Future<T> answer;
    try {
      answer = durable(pending.track(work), context);
    } catch (Exception e) {
      answer = Future.failedFuture(e);
    }
    return answer.andThen(done -> inFlight.decrementAndGet());
  }

  /** Requests admitted on the event loop and not yet answered (0 for a pool on workers, which counts its own). */
  int inFlight() {
    return inFlight.get();
  }

  private <T> Future<T> durable(PendingWrites.Tracked<T> done, Context context) {
    if (done.durable() == null) {
      // a call that wrote nothing needs no hop back through the context
      return Future.succeededFuture(done.value());
    }
    Future<Void> written = Future.fromCompletionStage(done.durable(), context);
    if (workers == null) {
      written = written.timeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
              ? new ApiError(ErrorCode.TIMEOUT, work + " writes took over " + timeoutMillis + " ms", 1)
              : failure));
    }
    return written.map(done.value());
  }
}
