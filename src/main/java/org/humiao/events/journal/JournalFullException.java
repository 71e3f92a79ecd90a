package org.humiao.events.journal;

/** The append queue is full: the disk is not keeping up. Callers should shed load (HTTP 503), not retry at once. */
public final class JournalFullException extends RuntimeException {
  JournalFullException(int capacity) {
    super("journal append queue is full (" + capacity + " appends waiting)");
  }
}
