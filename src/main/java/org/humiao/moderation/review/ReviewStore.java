package org.humiao.moderation.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where review tasks live: in the data dir (embedded) or in Redis (cluster). Every change is
 * durable when the call returns, and claim and resolve are atomic per task, so two reviewers (on
 * two instances) never hold one task. Calls may block on I/O: run them on a worker.
 */
public interface ReviewStore extends AutoCloseable {

  /** Adds {@code task} unless a task of its id exists; returns the stored one. */
  ReviewTask add(ReviewTask task);

  /** The task of this id on this platform; empty as well when it belongs to another platform. */
  Optional<ReviewTask> task(String platform, String id);

  /** Every task of {@code platform}, or of every platform when it is null, in no particular order. */
  List<ReviewTask> tasks(String platform);

  /**
   * Gives the task to {@code keyId} until {@code until}, if it is unresolved and not held by
   * another key's lease live at {@code now}; the holder claiming again renews its lease.
   */
  Claimed claim(String platform, String id, String keyId, Instant now, Instant until);

  /** Records {@code resolution} if the task is unresolved and its live claim is the resolving key's. */
  Resolved resolve(String platform, String id, ReviewTask.Resolution resolution);

  /** Drops the text of every task resolved before {@code resolvedBefore}, from memory and from storage; returns how many. */
  int dropTexts(Instant resolvedBefore);

  /**
   * Forgets a user of {@code platform} for a deletion request: every task whose complaint names the
   * user ({@link ReviewTask#forgetting}), from memory and from storage; returns how many.
   */
  int forgetUser(String platform, String userId);

  @Override
  void close();

  /** What a claim did, and the task as it stands after it (null when missing). */
  record Claimed(Outcome outcome, ReviewTask task) {}

  /** What a resolution did, and the task as it stands after it (null when missing). */
  record Resolved(Outcome outcome, ReviewTask task) {}

  /** How a claim or resolution went. */
  enum Outcome {
    DONE,
    MISSING,
    /** Another key's lease is live. */
    HELD,
    /** A resolution without a live claim of the resolving key. */
    NOT_CLAIMED,
    ALREADY_RESOLVED
  }

  /** The shared rules of claim and resolve, so every backend decides alike. */
  final class Rules {
    private Rules() {}

    static Outcome claim(ReviewTask task, String keyId, Instant now) {
      if (task.resolution() != null) {
        return Outcome.ALREADY_RESOLVED;
      }
      if (task.status(now) == TaskStatus.CLAIMED && !task.claim().keyId().equals(keyId)) {
        return Outcome.HELD;
      }
      return Outcome.DONE;
    }

    static Outcome resolve(ReviewTask task, String keyId, Instant now) {
      if (task.resolution() != null) {
        return Outcome.ALREADY_RESOLVED;
      }
      if (task.status(now) != TaskStatus.CLAIMED) {
        return Outcome.NOT_CLAIMED;
      }
      return task.claim().keyId().equals(keyId) ? Outcome.DONE : Outcome.HELD;
    }
  }
}
