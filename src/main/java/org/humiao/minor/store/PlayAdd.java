package org.humiao.minor.store;

import org.humiao.minor.time.Interval;

/** Play to count against a budget, as {@link PlayStateStore#addPlay} takes it. */
public record PlayAdd(String budgetKey, Interval played, long limitSeconds) {}
