package org.humiao.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.minor.nppa.BatchDelivery;
import org.humiao.minor.nppa.BehaviourReporter;
import org.humiao.minor.nppa.FileOutbox;
import org.humiao.minor.nppa.LoggingReportListener;
import org.humiao.minor.nppa.NppaConfig;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.ToDoubleFunction;

/**
 * The service's NPPA login/logout reporting: the reporter, the durable outbox it sends from (the
 * service's to close after the reporter has stopped) and the listener that counts outcomes.
 */
record NppaReporting(BehaviourReporter reporter, FileOutbox outbox, LoggingReportListener listener)
    implements AutoCloseable {
  static final String OUTBOX_DIR = "nppa-outbox";

  /** Opens {@code <dataDir>/nppa-outbox} (what an earlier run left is sent first) and starts sending. */
  static NppaReporting start(NppaConfig config, Path dataDir, Clock clock, MeterRegistry registry) throws IOException {
    FileOutbox outbox = FileOutbox.open(dataDir.resolve(OUTBOX_DIR));
    LoggingReportListener listener = new LoggingReportListener(System.getLogger(NppaReporting.class.getName()));
    BehaviourReporter reporter = new BehaviourReporter(outbox, BatchDelivery.forConfig(config, clock),
        config.batchSize(), listener);
    Gauge.builder("humiao.nppa.outbox.pending", outbox, FileOutbox::pendingCount)
        .description("NPPA login/logout records queued and not yet answered").register(registry);
    counter(registry, "delivered", listener, LoggingReportListener::deliveredCount);
    counter(registry, "rejected", listener, LoggingReportListener::rejectedCount);
    counter(registry, "abandoned", listener, LoggingReportListener::abandonedCount);
    reporter.start();
    return new NppaReporting(reporter, outbox, listener);
  }

  private static void counter(MeterRegistry registry, String outcome, LoggingReportListener listener,
                              ToDoubleFunction<LoggingReportListener> count) {
    FunctionCounter.builder("humiao.nppa.records", listener, count).tag("outcome", outcome)
        .description("NPPA login/logout records by what became of them").register(registry);
  }

  /** A batch in flight stays in the outbox and is sent again after the next start. */
  @Override
  public void close() throws IOException {
    try {
      reporter.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted stopping the NPPA reporter");
    } finally {
      outbox.close();
    }
  }
}
