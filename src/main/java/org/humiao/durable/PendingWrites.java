package org.humiao.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The disk writes a call has started and not yet seen land. A request runs its work inside {@link
 * #track}; each durable write the work starts (a state change, a violation event, an NPPA record)
 * is handed to {@link #await}, and the request answers only once all of them are on disk. So the
 * work itself never waits for a sync and can run on an event loop, while an answer still never
 * tells a platform "done" about something a crash could lose.
 *
 * <p>Work run outside {@link #track} (the simulator, a command, a test) waits for each write where
 * it is made, as a synchronous API would.
 */
public final class PendingWrites {
  private final ThreadLocal<List<CompletableFuture<?>>> calls = new ThreadLocal<>();

  /** What the work answered, and when its writes are durable (null: it started none). */
  public record Tracked<T>(T value, CompletableFuture<Void> durable) {}

  /** The running call's answer waits for {@code write}; outside a tracked call, waits here. */
  public void await(CompletableFuture<?> write) {
    List<CompletableFuture<?>> call = calls.get();
    if (call != null) {
      // a call's store reads hand over the same flush one after another: keep it once
      if (call.isEmpty() || call.get(call.size() - 1) != write) {
        call.add(write);
      }
      return;
    }
    try {
      write.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Runs {@code work} on this thread, collecting the writes it starts. */
  public <T> Tracked<T> track(Callable<T> work) throws Exception {
    if (calls.get() != null) {
      throw new IllegalStateException("a tracked call is already running on this thread");
    }
    List<CompletableFuture<?>> call = new ArrayList<>(2);
    calls.set(call);
    try {
      T value = work.call();
      return new Tracked<>(value, switch (call.size()) {
        case 0 -> null;
        case 1 -> call.get(0).thenApply(written -> null);
        default -> CompletableFuture.allOf(call.toArray(CompletableFuture[]::new));
      });
    } finally {
      calls.remove();
    }
  }
}
