package org.humiao.moderation.review;

/**
 * The order of the queue, highest first (then oldest first). Reports that concern a minor come
 * first, as the principle of the minor's best interest (最有利于未成年人原则) asks; then appeals, a
 * user waiting on their own content; then other reports and the engine's holds.
 */
public final class Priority {
  public static final int MINOR_REPORT = 3;
  public static final int APPEAL = 2;
  public static final int ROUTINE = 1;

  private Priority() {}

  static int of(TaskKind kind, boolean minor) {
    return switch (kind) {
      case REPORT -> minor ? MINOR_REPORT : ROUTINE;
      case APPEAL -> APPEAL;
      case SCREEN -> ROUTINE;
    };
  }
}
