package org.humiao.durable;

/** A {@link GroupCommit}'s queue is full: the disk is behind; the caller should answer "try again shortly". */
public final class QueueFullException extends RuntimeException {
  QueueFullException(String name, int capacity) {
    super(name + " queue full (" + capacity + " writes waiting)");
  }
}
