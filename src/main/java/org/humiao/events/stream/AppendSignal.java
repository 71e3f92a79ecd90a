package org.humiao.events.stream;

import org.humiao.events.journal.JournalEntry;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wakes the forwarder when the journal has synced new events: it is the journal's listener, so a
 * new event is on its way to Kafka at once, and an idle forwarder costs no polling. A ring that
 * comes while nobody waits is kept, so an append between "nothing to send" and the wait is not
 * slept through.
 */
public final class AppendSignal implements Consumer<List<JournalEntry>> {
  private boolean rung;

  /** Called on the journal's writer thread: only flips a flag. */
  @Override
  public void accept(List<JournalEntry> appended) {
    ring();
  }

  synchronized void ring() {
    rung = true;
    notifyAll();
  }

  /** Waits for a ring since the last wait, at most {@code millis}. */
  synchronized void await(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = millis; !rung && left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
      wait(left);
    }
    rung = false;
  }
}
