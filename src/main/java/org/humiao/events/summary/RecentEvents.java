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
 * and the entry of offset {@code o} sits in slot {@code o % capacity}. Each event is held without
 * its evidence tree, which it keeps as JSON bytes until a page or stream shows it: the ring outlives
 * many young collections, and a tree is dozens of objects for each to copy.
 */
public final class RecentEvents implements Consumer<List<JournalEntry>> {
  /** What the ring had to offer: matches newest first, and the oldest offset it still held. */
  record Slice(List<JournalEntry> entries, long oldestHeld) {}

  /** An entry as the ring holds it: filters read {@code head}, which lacks only the evidence. */
  private record Held(long offset, ViolationEvent head, byte[] evidence) {
    static Held of(JournalEntry entry) {
      return new Held(entry.offset(), entry.event().withoutEvidence(), entry.event().evidenceBytes());
    }

    JournalEntry entry() {
      return new JournalEntry(offset, head.withEvidence(evidence));
    }
  }

  private final Held[] ring;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long end;

  public RecentEvents(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ring = new Held[capacity];
  }

  @Override
  public void accept(List<JournalEntry> batch) {
    // encoded before the lock, so readers never wait for it
    List<Held> held = batch.stream().map(Held::of).toList();
    lock.writeLock().lock();
    try {
      for (Held entry : held) {
        ring[(int) (entry.offset() % ring.length)] = entry;
        end = entry.offset() + 1;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The newest {@code limit} matches above {@code afterOffset} that the ring still holds, oldest
   * first: what a reconnecting live stream missed, as far as memory reaches. The filter sees each
   * event without its evidence.
   */
  public List<JournalEntry> after(long afterOffset, Predicate<ViolationEvent> filter, int limit) {
    List<Held> found;
    lock.readLock().lock();
    try {
      found = newestFirst(Long.MAX_VALUE, afterOffset, filter, limit);
    } finally {
      lock.readLock().unlock();
    }
    Collections.reverse(found);
    return entries(found);
  }

  /**
   * Up to {@code limit} matches below {@code beforeOffset} that the ring holds, newest first; the
   * filter sees each event without its evidence.
   */
  Slice newestFirst(long beforeOffset, Predicate<ViolationEvent> filter, int limit) {
    List<Held> found;
    long oldestHeld;
    lock.readLock().lock();
    try {
      found = newestFirst(beforeOffset, -1, filter, limit);
      oldestHeld = Math.max(0, end - ring.length);
    } finally {
      lock.readLock().unlock();
    }
    return new Slice(entries(found), oldestHeld);
  }

  /** Matches in {@code (afterOffset, beforeOffset)} the ring holds, newest first; the caller holds the read lock. */
  private List<Held> newestFirst(long beforeOffset, long afterOffset, Predicate<ViolationEvent> filter, int limit) {
    long oldest = Math.max(afterOffset + 1, Math.max(0, end - ring.length));
    List<Held> found = new ArrayList<>();
    for (long offset = Math.min(beforeOffset, end) - 1; offset >= oldest && found.size() < limit; offset--) {
      Held held = ring[(int) (offset % ring.length)];
      if (filter.test(held.head())) {
        found.add(held);
      }
    }
    return found;
  }

  /** The found entries with their evidence decoded, outside the lock so the journal's writer never waits for it. */
  private static List<JournalEntry> entries(List<Held> found) {
    return found.stream().map(Held::entry).toList();
  }
}
