package org.humiao.http.screen;

import org.humiao.pileon.Relation;
import org.humiao.screening.Scene;

import java.util.List;

/**
 * One text to screen as a client sent it.
 *
 * @param platform the platform the client says it acts for; null when not given
 * @param authorId who typed the text, as the platform names users; may be null
 * @param targetId whom the text addresses (a user, room or post); may be null
 * @param region the administrative region code of the author, for the regulators' summaries; may be null
 * @param dataId the platform's id of the content (message, comment); the same platform and dataId
 *     give the same event id, so a retried request is journaled once; may be null
 * @param mentions the users @-mentioned, targets of pile-on tracking as targetId is
 * @param relation the author's relation to the targets; may be null
 */
record ScreenRequest(String text, Scene scene, String platform, String authorId, String targetId, String region,
                     String dataId, List<String> mentions, Relation relation) {
  /** Whether the text names anyone pile-on tracking follows: a target or a mention. */
  boolean aimed() {
    return targetId != null || !mentions.isEmpty();
  }
}
