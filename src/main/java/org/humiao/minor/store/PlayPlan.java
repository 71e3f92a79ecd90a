package org.humiao.minor.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a heartbeat makes of a {@link StateView}: the counts, in order, and when they end the session.
 *
 * @param stop empty when no count can end the session (no limit applies)
 */
public record PlayPlan(List<PlayAdd> adds, Optional<StopRule> stop) {

  /**
   * The plan made on {@code store} one call at a time: each count, then the stop rule on the totals
   * the counts answered or the view read, and the mark of the query's session. A rule on a total
   * neither holds (a guest's window is not in the view) is left to the caller, which would read it
   * anyway: nothing is read here.
   */
  CountedView countOn(PlayStateStore store, StateQuery query, StateView view) {
    List<PlayTally> tallies = adds.stream()
        .map(add -> store.addPlay(add.budgetKey(), add.played(), add.limitSeconds())).toList();
    OptionalLong played = stop.isEmpty() || query.sessionKey() == null ? OptionalLong.empty() : playedAfter(view, tallies);
    if (played.isEmpty() || played.getAsLong() < stop.orElseThrow().capSeconds()) {
      return new CountedView(view, tallies, false, OptionalLong.empty());
    }
    return new CountedView(view, tallies, true, store.markStopped(query.sessionKey(), stop.get().at()));
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
