package org.humiao.events.summary;

import org.humiao.events.journal.JournalEntry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands every synced batch to whoever listens now (the live streams). A journal listener, so it
 * runs on the journal's writer thread: a subscriber must only hand the batch over (to an event
 * loop, say) and return; it must not block or throw. Subscribing is rare and delivering is
 * constant, hence a copy-on-write list.
 */
public final class LiveEvents implements Consumer<List<JournalEntry>> {
  private final List<Consumer<List<JournalEntry>>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public void accept(List<JournalEntry> batch) {
    for (Consumer<List<JournalEntry>> subscriber : subscribers) {
      subscriber.accept(batch);
    }
  }

  /** Delivers every batch synced from now on to {@code subscriber}; run the answer to stop. */
  public Runnable subscribe(Consumer<List<JournalEntry>> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public int subscribers() {
    return subscribers.size();
  }
}
