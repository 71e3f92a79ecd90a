package org.humiao.moderation.review;

/** Where a task is: waiting, held by a reviewer's live lease, or decided. A lapsed lease is open again. */
public enum TaskStatus {
  OPEN, CLAIMED, RESOLVED
}
