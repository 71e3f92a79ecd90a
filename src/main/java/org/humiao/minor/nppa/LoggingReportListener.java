package org.humiao.minor.nppa;

import java.util.concurrent.atomic.LongAdder;

/**
 * Logs every record that did not reach the NPPA, and counts outcomes for metrics. Lost records
 * are a compliance gap an operator must see, so each one is logged at WARNING with its code.
 * The log names the session id, never the pi or device id, which identify a person or a phone.
 * It also remembers whether the last batch reached the NPPA at all, for the health check.
 */
public final class LoggingReportListener implements ReportListener {

  private final System.Logger logger;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder abandoned = new LongAdder();
  private volatile boolean unreachable;

  public LoggingReportListener(System.Logger logger) {
    this.logger = logger;
  }

  @Override
  public void handled(DeliveryOutcome outcome) {
    delivered.add(outcome.delivered().size());
    rejected.add(outcome.rejected().size());
    abandoned.add(outcome.abandoned().size());
    // a rejection is an answer: only a batch given up on whole says the NPPA could not be reached
    unreachable = !outcome.abandoned().isEmpty() && outcome.delivered().isEmpty() && outcome.rejected().isEmpty();
    for (Rejection rejection : outcome.rejected()) {
      log("rejected by NPPA", rejection);
    }
    for (Rejection rejection : outcome.abandoned()) {
      log("given up after " + outcome.attempts() + " attempts", rejection);
    }
  }

  /** True when the last batch was given up on without any answer from the NPPA. */
  public boolean lastBatchUnreachable() {
    return unreachable;
  }

  public long deliveredCount() {
    return delivered.sum();
  }

  public long rejectedCount() {
    return rejected.sum();
  }

  public long abandonedCount() {
    return abandoned.sum();
  }

  private void log(String what, Rejection rejection) {
    String name = NppaCode.of(rejection.errcode()).map(NppaCode::name).orElse("code " + rejection.errcode());
    logger.log(System.Logger.Level.WARNING, "NPPA behaviour record {0} ({1}, {2}): si={3} bt={4} ct={5}",
        what, name, rejection.reason(), rejection.record().sessionId(),
        rejection.record().type(), rejection.record().userType());
  }
}
