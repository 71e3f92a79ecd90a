package org.humiao.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.humiao.durable.PendingWrites;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a request's work and completes only once every disk write the work started is durable
 * ({@link PendingWrites}): its violation events in the journal and, for minor mode, its state
 * changes and NPPA records. An answer never tells a platform "done" about a refusal or a counted
 * minute a crash could still lose. The work reports events through this consumer (minor mode and
 * the screener are given it as their sink).
 *
 * <p>Work that may block runs on a {@link WorkerPool}, which bounds it and times it out. Work that
 * never waits on I/O (minor mode on the embedded store) runs right on the event loop, saving two
 * thread hops per request, and only its answer waits for the disk; at most {@code maxInFlight}
 * such requests are admitted at once (then 503 overloaded). Its writes need no timer of their own:
 * the writer completes or fails every write it accepts, and a stalled disk fills the bound first.
 */
public final class RecordingPool implements Consumer<ViolationEvent> {
  private final String work;
  private final WorkerPool workers;
  private final Journal journal;
  private final PendingWrites pending;
  private final int maxInFlight;
  private final Consumer<ViolationEvent> observer;
  private final AtomicInteger inFlight = new AtomicInteger();

  private RecordingPool(String work, WorkerPool workers, Journal journal, PendingWrites pending, int maxInFlight,
                        Consumer<ViolationEvent> observer) {
    this.work = work;
    this.workers = workers;
    this.journal = journal;
    this.pending = pending;
    this.maxInFlight = maxInFlight;
    this.observer = observer;
  }

  /** Runs the work on {@code workers}. */
  public static RecordingPool onWorkers(WorkerPool workers, Journal journal, PendingWrites pending) {
    return new RecordingPool(null, workers, journal, pending, 0, e -> { });
  }

  /** Runs the work on the calling event loop; {@code work} names it in errors ("minor-mode"). */
  public static RecordingPool onEventLoop(String work, Journal journal, PendingWrites pending, int maxInFlight) {
    return new RecordingPool(work, null, journal, pending, maxInFlight, e -> { });
  }

  /**
   * A pool that runs work on the calling event loop, journaling to this pool's journal and telling
   * its observer; for the parts of this pool's kind of work that never block (short texts screened).
   */
  public RecordingPool onEventLoop(String work, int maxInFlight) {
    return new RecordingPool(work, null, journal, pending, maxInFlight, observer);
  }

  /** This pool also telling {@code observer} of each event it journals (metrics count them there). */
  public RecordingPool observedBy(Consumer<ViolationEvent> observer) {
    return new RecordingPool(work, workers, journal, pending, maxInFlight, observer);
  }

  @Override
  public void accept(ViolationEvent event) {
    pending.await(journal.append(event));
    observer.accept(event);
  }

  /** Call on the event loop: the answer continues on its context once the work's writes are durable. */
  public <T> Future<T> submit(Callable<T> work) {
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
  public int inFlight() {
    return inFlight.get();
  }

  private <T> Future<T> durable(PendingWrites.Tracked<T> done, Context context) {
    if (done.durable() == null) {
      // a call that wrote nothing needs no hop back through the context
      return Future.succeededFuture(done.value());
    }
    return Future.fromCompletionStage(done.durable(), context).map(done.value());
  }
}
