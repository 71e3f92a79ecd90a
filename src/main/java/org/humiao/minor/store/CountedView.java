package org.humiao.minor.store;

import java.util.List;

/** What {@link PlayStateStore#viewThenAddPlay} read and, in the plan's order, what each count answered. */
public record CountedView(StateView view, List<PlayTally> tallies) {}
