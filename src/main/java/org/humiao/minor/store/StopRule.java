package org.humiao.minor.store;

/**
 * When a heartbeat's counts end its session: the session is marked stopped at {@code at} if the
 * allowed total of {@code budgetKey} after the counts is at least {@code capSeconds}. A null budget
 * has nothing played, so a cap of 0 always stops (play reported outside the open windows).
 */
public record StopRule(long at, String budgetKey, long capSeconds) {}
