package org.humiao.moderation.review;

/** Where a task came from: the engine held a text, a user appealed a block, or a user reported content. */
public enum TaskKind {
  SCREEN, APPEAL, REPORT
}
