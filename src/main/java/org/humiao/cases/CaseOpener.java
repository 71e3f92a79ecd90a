package org.humiao.cases;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;

import java.lang.System.Logger;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a case for every mandatory-report event the service journals (or, with Kafka, reads from
 * the topic): a listener of the live events that hands the openings to a thread of its own, so a
 * disk sync or a Redis round trip never holds up the journal. Opening is idempotent, so an event
 * delivered twice, or by every instance of a cluster, opens one case.
 */
public final class CaseOpener implements Consumer<List<JournalEntry>>, AutoCloseable {
  private static final Logger LOG = System.getLogger(CaseOpener.class.getName());

  private final CaseStore store;
  private final Clock clock;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "humiao-cases");
    t.setDaemon(true);
    return t;
  });

  public CaseOpener(CaseStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void accept(List<JournalEntry> batch) {
    List<ViolationEvent> reports = batch.stream().map(JournalEntry::event).filter(ViolationEvent::mandatoryReport).toList();
    if (!reports.isEmpty()) {
      thread.execute(() -> reports.forEach(this::open));
    }
  }

  private void open(ViolationEvent event) {
    try {
      store.open(MandatoryCase.of(event, clock.instant()));
    } catch (RuntimeException e) {
      // the event stays in the journal; the next start opens its case from the recent events
      LOG.log(Logger.Level.WARNING, "could not open the case of event " + event.id() + ": " + e.getMessage());
    }
  }

  /** Waits for the openings handed over so far, then stops the thread. */
  @Override
  public void close() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
