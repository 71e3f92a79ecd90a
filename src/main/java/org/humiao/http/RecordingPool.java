package org.humiao.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalFullException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Runs a request's work on the {@link WorkerPool} and completes only once every violation
 * event the work produced is durable in the journal: an answer never tells a platform "done"
 * about a refusal a crash could still lose. The work reports events through this consumer (minor
 * mode and the screener are given it as their sink), on its worker thread; a thread-local list
 * collects the appends of the one call running there.
 */
final class RecordingPool implements Consumer<ViolationEvent> {
  /** Seconds a client should wait when the journal's queue is full: the disk needs a moment to catch up. */
  private static final long FULL_RETRY_AFTER_SECONDS = 1;

  private final WorkerPool pool;
  private final Journal journal;
  private final ThreadLocal<List<CompletableFuture<?>>> appends = new ThreadLocal<>();

  RecordingPool(WorkerPool pool, Journal journal) {
    this.pool = pool;
    this.journal = journal;
  }

  @Override
  public void accept(ViolationEvent event) {
    List<CompletableFuture<?>> call = appends.get();
    if (call == null) {
      throw new IllegalStateException("event " + event.id() + " reported outside of a recorded call");
    }
    call.add(journal.append(event));
  }

  /** Call on the event loop: the answer continues on its context once the work's events are synced. */
  <T> Future<T> submit(Callable<T> work) {
    Context context = Vertx.currentContext();
    return pool.submit(() -> recorded(work)).compose(done -> done.durable() == null
        // most calls record nothing: no hop back through the context for them
        ? Future.succeededFuture(done.value())
        : Future.fromCompletionStage(done.durable(), context)
            .recover(RecordingPool::journalError)
            .map(done.value()));
  }

  private <T> Done<T> recorded(Callable<T> work) throws Exception {
    List<CompletableFuture<?>> call = new ArrayList<>();
    appends.set(call);
    try {
      T value = work.call();
      return new Done<>(value, call.isEmpty() ? null : CompletableFuture.allOf(call.toArray(CompletableFuture[]::new)));
    } finally {
      appends.remove();
    }
  }

  private static Future<Void> journalError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return Future.failedFuture(cause instanceof JournalFullException
        ? new ApiError(ErrorCode.OVERLOADED, "the event journal is full; try again shortly", FULL_RETRY_AFTER_SECONDS)
        : cause);
  }

  /** What the work answered, and when its events are durable (null: it recorded none). */
  private record Done<T>(T value, CompletableFuture<Void> durable) {}
}
