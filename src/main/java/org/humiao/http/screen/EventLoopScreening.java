package org.humiao.http.screen;

import org.humiao.keys.ApiKey;
import org.humiao.screening.Decision;
import org.humiao.screening.ScreeningEngine;

/**
 * Which single texts are screened right on the event loop rather than on the screening pool: for a
 * short text the fast tier costs about what the hop to the pool and back costs (docs/performance.md,
 * "Session 9: the screen path"), so the hop doubled its cost. A text goes to the pool when it is long,
 * when the semantic tier has admitted it (only then does it wait for the encoder), or when a hook on
 * its way may block; a batch always does.
 *
 * <p>The hooks of {@link TextScreener} on an event loop, and why each is safe there:
 * <ul>
 *   <li>the strategy: a volatile read of the strategies in force;
 *   <li>the semantic tier: only its admission is asked here, which never waits
 *       ({@link org.humiao.screening.ScreeningEngine#screenWithoutWaiting});
 *   <li>platform lists: a map read, and the overlay only if already compiled ({@code overlayReady});
 *       a compile goes to the pool;
 *   <li>pile-on tracking: reads and writes its store (Redis in the cluster profile), so an aimed text
 *       (targetId or mentions) goes to the pool; one aimed at nobody never touches the store;
 *   <li>metrics and the screened-text tally: in-memory counters;
 *   <li>violation events: the journal takes them on its writer's queue and the answer waits for them
 *       through {@code PendingWrites}, never the thread;
 *   <li>the review queue: a held text's task is forced to a file or written to Redis before the
 *       answer, so once the engine says review, the rest of the request hops to the pool.
 * </ul>
 *
 * @param maxChars the longest text (UTF-16 units) screened on the event loop; 0: none
 * @param maxBodyBytes a larger body is not even parsed on the event loop: it cannot hold a short text
 *     among the fields a screen request has
 */
record EventLoopScreening(int maxChars, int maxBodyBytes, Moderation moderation) {
  /** Room in a body for the fields beside the text (ids, region, mentions) and JSON's escapes of the text. */
  private static final int OTHER_FIELDS_BYTES = 2048;
  private static final int BYTES_PER_ESCAPED_CHAR = 6;

  EventLoopScreening(int maxChars, Moderation moderation) {
    this(maxChars, maxChars == 0 ? 0 : maxChars * BYTES_PER_ESCAPED_CHAR + OTHER_FIELDS_BYTES, moderation);
  }

  /** Before parsing: whether the body is small enough to be parsed here at all. */
  boolean mayParse(int bodyBytes) {
    return bodyBytes <= maxBodyBytes;
  }

  /**
   * Before screening: a short text that cannot reach a list compile or the pile-on store. The
   * semantic tier does not keep it off the loop: there the engine only asks the tier's admission,
   * and a text the tier takes goes on to the pool ({@link TextScreener#decideHere}).
   */
  boolean mayDecide(ScreeningEngine engine, ApiKey key, ScreenRequest request) {
    String platform = request.platform() != null ? request.platform() : key.platform();
    return request.text().length() <= maxChars
        && !(request.aimed() && moderation.pileOn().isPresent())
        && moderation.lists().overlayReady(platform, engine);
  }

  /** After screening: everything but a review task (a write the answer waits for) is recorded here. */
  boolean mayRecord(TextScreener.Decided decided) {
    return decided.result().decision() != Decision.REVIEW || decided.platform() == null;
  }
}
