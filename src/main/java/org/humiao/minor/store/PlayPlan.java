package org.humiao.minor.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a heartbeat or an authorize makes of a {@link StateView}: the counts, in order, when they end
 * the session, and whether the session's stop mark goes when they do not.
 *
 * @param stop empty when no count can end the session (no limit applies)
 * @param clearsStop an authorize: when the stop rule does not hold, the session may play again, so a
 *     stop mark it has is cleared in the same call
 */
public record PlayPlan(List<PlayAdd> adds, Optional<StopRule> stop, boolean clearsStop) {

  /** A heartbeat's plan: a stop mark is left as it is. */
  public PlayPlan(List<PlayAdd> adds, Optional<StopRule> stop) {
    this(adds, stop, false);
  }

  /**
   * The plan made on {@code store} one call at a time: each count, then the stop rule on the totals
   * the counts answered or the view read, and the mark of the query's session (made, or cleared). A
   * rule on a total neither holds (a guest's window is not in the view) is left to the caller, which
   * would read it anyway: nothing is read here.
   */
  CountedView countOn(PlayStateStore store, StateQuery query, StateView view) {
    List<PlayTally> tallies = adds.stream()
        .map(add -> store.addPlay(add.budgetKey(), add.played(), add.limitSeconds())).toList();
    OptionalLong played = stop.isEmpty() || query.sessionKey() == null ? OptionalLong.empty() : playedAfter(view, tallies);
    if (played.isPresent() && played.getAsLong() >= stop.orElseThrow().capSeconds()) {
      return new CountedView(view, tallies, true, store.markStopped(query.sessionKey(), stop.get().at()), false);
    }
    boolean clear = clearsStop && query.sessionKey() != null && view.stoppedAt().isPresent()
        && (stop.isEmpty() || played.isPresent());
    if (clear) {
      store.clearStopped(query.sessionKey());
    }
    return new CountedView(view, tallies, false, OptionalLong.empty(), clear);
  }

  /** The stop rule's budget's allowed total after the counts, if the counts or the view hold it. */
  private OptionalLong playedAfter(StateView view, List<PlayTally> tallies) {
    String budget = stop.orElseThrow().budgetKey();
    if (budget == null) {
      return OptionalLong.of(0);
    }
    for (int i = adds.size() - 1; i >= 0; i--) {
      if (adds.get(i).budgetKey().equals(budget)) {
        return OptionalLong.of(tallies.get(i).allowedTotal());
      }
    }
    Long read = view.allowedPlay().get(budget);
    return read == null ? OptionalLong.empty() : OptionalLong.of(read);
  }
}
