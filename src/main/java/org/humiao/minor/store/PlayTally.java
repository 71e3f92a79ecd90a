package org.humiao.minor.store;

import org.humiao.minor.time.Interval;

/**
 * The play counted against one budget key after an update.
 *
 * @param addedAllowed seconds newly counted as allowed play by this call
 * @param addedExcess seconds newly counted as play beyond the limit or outside the windows
 * @param allowedTotal all allowed seconds of the key
 * @param excessTotal all excess seconds of the key
 * @param run the merged run of allowed play holding the last second of the reported span, or null
 */
public record PlayTally(long addedAllowed, long addedExcess, long allowedTotal, long excessTotal, Interval run) {}
