package org.humiao.moderation.review;

/**
 * Whether a platform's content was blocked, as the event journal remembers it: an appeal must name
 * content that was. Implementations read the journal and may block: call them on a worker.
 */
@FunctionalInterface
public interface BlockedContent {
  boolean wasBlocked(String platform, String dataId);
}
