package org.humiao.minor.nppa;

/** Told what became of each batch, after the NPPA answer and before the outbox commit. */
@FunctionalInterface
public interface ReportListener {

  void handled(DeliveryOutcome outcome);
}
