package org.humiao.moderation.review;

import org.humiao.moderation.lists.ListKind;

/**
 * A term a reviewer adds to the platform's own block or allow list in the step that resolves a
 * task; the service hands it to the platform's lists ({@link org.humiao.moderation.lists}).
 */
public record ListAddition(ListKind list, String term) {

  /** Where additions go. */
  @FunctionalInterface
  public interface Lists {
    /** Takes no addition (tests of the queue alone). */
    Lists NONE = (platform, addition, category) -> false;

    /** Adds the term to the platform's list; false when the lists took nothing. */
    boolean add(String platform, ListAddition addition, String category);
  }
}
