package org.humiao.http.screen;

import java.time.Duration;

/**
 * What one key's screening may cost per request and at once.
 *
 * @param maxBatchItems the most texts one batch may carry
 * @param maxBatchChars the most characters (UTF-16 units) a batch's texts may hold together
 * @param charsInFlightPerKey characters of one key's texts that may be screened at once; more get 429
 * @param timeout how long a request may take: the pool answers 503 timeout then, and a batch
 *     stops screening its remaining items instead of working on for no one
 * @param eventLoopMaxChars the longest single text screened on the event loop (see {@link EventLoopScreening}); 0: none
 * @param maxInFlight requests screened on the event loop and waiting for their events to be durable, at most
 */
public record ScreenLimits(int maxBatchItems, int maxBatchChars, long charsInFlightPerKey, Duration timeout,
                           int eventLoopMaxChars, int maxInFlight) {}
