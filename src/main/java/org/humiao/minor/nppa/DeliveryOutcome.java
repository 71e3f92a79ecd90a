package org.humiao.minor.nppa;

import java.util.List;

/**
 * What became of one batch. Every record of the batch is in exactly one place: delivered,
 * rejected (a non-retryable verdict) or abandoned (still retryable when the attempts ran out).
 */
public record DeliveryOutcome(List<BehaviourRecord> delivered, List<Rejection> rejected, List<Rejection> abandoned, int attempts) {

  public DeliveryOutcome {
    delivered = List.copyOf(delivered);
    rejected = List.copyOf(rejected);
    abandoned = List.copyOf(abandoned);
  }

  public int size() {
    return delivered.size() + rejected.size() + abandoned.size();
  }
}
