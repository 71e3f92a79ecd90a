package org.humiao.events.summary;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The newest events in memory, a ring indexed by offset: what the first pages of a listing show,
 * without touching the disk. A journal listener, so it is filled on open and as events are synced,
 * and the entry of offset {@code o} sits in slot {@code o % capacity}.
 */
public final class RecentEvents implements Consumer<List<JournalEntry>> {
  /** What the ring had to offer: matches newest first, and the oldest offset it still held. */
  record Slice(List<JournalEntry> entries, long oldestHeld) {}

  private final JournalEntry[] ring;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long end;

  public RecentEvents(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ring = new JournalEntry[capacity];
  }

  @Override
  public void accept(List<JournalEntry> batch) {
    lock.writeLock().lock();
    try {
      for (JournalEntry entry : batch) {
        ring[(int) (entry.offset() % ring.length)] = entry;
        end = entry.offset() + 1;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The newest {@code limit} matches above {@code afterOffset} that the ring still holds, oldest
   * first: what a reconnecting live stream missed, as far as memory reaches.
   */
  public List<JournalEntry> after(long afterOffset, Predicate<ViolationEvent> filter, int limit) {
    lock.readLock().lock();
    try {
      List<JournalEntry> found = newestFirst(Long.MAX_VALUE, afterOffset, filter, limit);
      Collections.reverse(found);
      return found;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Up to {@code limit} matches below {@code beforeOffset} that the ring holds, newest first. */
  Slice newestFirst(long beforeOffset, Predicate<ViolationEvent> filter, int limit) {
    lock.readLock().lock();
    try {
      return new Slice(newestFirst(beforeOffset, -1, filter, limit), Math.max(0, end - ring.length));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Matches in {@code (afterOffset, beforeOffset)} the ring holds, newest first; the caller holds the read lock. */
  private List<JournalEntry> newestFirst(long beforeOffset, long afterOffset, Predicate<ViolationEvent> filter,
                                         int limit) {
    long oldest = Math.max(afterOffset + 1, Math.max(0, end - ring.length));
    List<JournalEntry> found = new ArrayList<>();
    for (long offset = Math.min(beforeOffset, end) - 1; offset >= oldest && found.size() < limit; offset--) {
      JournalEntry entry = ring[(int) (offset % ring.length)];
      if (filter.test(entry.event())) {
        found.add(entry);
      }
    }
    return found;
  }
}
