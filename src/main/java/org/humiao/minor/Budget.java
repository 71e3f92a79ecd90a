package org.humiao.minor;

/**
 * What play at a moment is counted against.
 *
 * @param key the store key, or null for a guest whose window has not started (nothing used)
 * @param capSeconds allowed play of the key ({@link Long#MAX_VALUE}: no quota)
 * @param renewsAt when a fresh budget takes over (next local midnight, end of a guest window)
 * @param exhausted the reason given when it is used up
 */
record Budget(String key, long capSeconds, long renewsAt, ReasonCode exhausted) {}
