package org.humiao.moderation.review;

/**
 * A term a reviewer adds to the platform's own block or allow list in the step that resolves a
 * task. The seam for per-platform lists (issue 13 item 2), built separately: until they are wired
 * in, {@link Lists#NONE} takes no addition and the answer says so.
 */
public record ListAddition(ListKind list, String term) {

  /** Which of a platform's lists. */
  public enum ListKind {
    BLOCK, ALLOW
  }

  /** Where additions go. */
  @FunctionalInterface
  public interface Lists {
    /** Takes no addition: no per-platform lists in this build. */
    Lists NONE = (platform, addition, category) -> false;

    /** Adds the term to the platform's list; false when the lists took nothing. */
    boolean add(String platform, ListAddition addition, String category);
  }
}
