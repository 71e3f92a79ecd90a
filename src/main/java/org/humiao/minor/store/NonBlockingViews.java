package org.humiao.minor.store;

import io.vertx.core.Future;

import java.util.List;
import java.util.function.Function;

/**
 * The reads a minor-mode call opens with, made without blocking the calling thread: offered by a
 * store whose calls wait on I/O (Redis), so that a call whose only round trip is this one never
 * needs a worker thread. Answers complete on a Vert.x context; a store that does not answer in time
 * fails them with {@link StateUnavailableException}.
 */
public interface NonBlockingViews {
  /** {@link PlayStateStore#view}. */
  Future<StateView> viewAsync(StateQuery query);

  /**
   * The round trip of {@link PlayStateStore#viewThenAddPlay}: the view, with the tallies of the counts
   * {@code plan} made of the user's remembered view when they were made in the same round trip, else
   * with tallies {@code null} (nothing remembered, or what Redis holds differs): the caller then plans
   * on the view and counts ({@link PlayStateStore#countPlanned}). {@code plan} is called only for a
   * remembered linked user, so it only reads.
   */
  Future<CountedView> viewThenAddPlayAsync(StateQuery query, Function<StateView, List<PlayAdd>> plan);
}
