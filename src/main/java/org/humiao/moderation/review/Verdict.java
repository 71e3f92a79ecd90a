package org.humiao.moderation.review;

import org.humiao.events.ViolationEvent;

/**
 * A reviewer's decision on the content. {@code block} confirms what brought the task (the engine's
 * hold, the block appealed, the report); {@code pass} overturns it.
 */
public enum Verdict {
  BLOCK(ViolationEvent.Kind.REVIEW_CONFIRMED),
  PASS(ViolationEvent.Kind.REVIEW_OVERTURNED);

  private final ViolationEvent.Kind event;

  Verdict(ViolationEvent.Kind event) {
    this.event = event;
  }

  /** The violation event a resolution with this verdict records. */
  public ViolationEvent.Kind event() {
    return event;
  }

  /** The feedback vocabulary: confirmed or overturned. */
  public String outcome() {
    return this == BLOCK ? "confirmed" : "overturned";
  }
}
