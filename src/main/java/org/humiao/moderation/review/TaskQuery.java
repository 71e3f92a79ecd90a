package org.humiao.moderation.review;

/**
 * Which tasks a list shows, and which page of them.
 *
 * @param platform the platform; null for every platform (an admin)
 * @param status, category, kind filters; null shows all
 * @param offset tasks skipped, in queue order
 * @param limit tasks shown at most
 */
public record TaskQuery(String platform, TaskStatus status, String category, TaskKind kind, int offset, int limit) {
  public TaskQuery {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset ≥ 0 and limit ≥ 1");
    }
  }
}
