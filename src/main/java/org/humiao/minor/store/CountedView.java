package org.humiao.minor.store;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link PlayStateStore#viewThenAddPlay} read and, in the plan's order, what each count answered.
 *
 * @param stopped the plan's stop rule held and the session is marked stopped (now, or earlier)
 * @param earlierStop when {@code stopped}, the mark the session had before (as {@link PlayStateStore#markStopped})
 * @param cleared the plan {@linkplain PlayPlan#clearsStop clears the stop mark} and the mark the view read is cleared
 */
public record CountedView(StateView view, List<PlayTally> tallies, boolean stopped, OptionalLong earlierStop,
                          boolean cleared) {}
