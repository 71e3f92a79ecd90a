package org.humiao.minor;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Orders a user's minor-mode calls against a deletion of that user, in one process: calls of the
 * same user run side by side (the store keeps each of their changes atomic), an erasure runs alone.
 * A call that read the user's link before an erasure therefore writes before it too, and is erased
 * with the rest; a call after it finds no link (docs/privacy.md, "A deletion racing the user's
 * calls"). Striped, so memory does not grow with users; two users of one stripe only share the
 * rare erasure's wait.
 *
 * <p>The erasure holds its side only while the store removes the user from its state, never while
 * the embedded store rewrites its files, so a call on an event loop waits microseconds at most.
 */
final class UserOrder {
  private static final int STRIPES = 1024;

  private final ReentrantReadWriteLock[] stripes = new ReentrantReadWriteLock[STRIPES];

  UserOrder() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantReadWriteLock();
    }
  }

  /** Runs one of the user's calls; it waits only for an erasure of a user of its stripe under way. */
  <T> T call(String userKey, Supplier<T> body) {
    return under(stripe(userKey).readLock(), body);
  }

  /** Runs an erasure of the user once no call of its stripe is under way, holding new ones back. */
  <T> T erasure(String userKey, Supplier<T> body) {
    return under(stripe(userKey).writeLock(), body);
  }

  private ReentrantReadWriteLock stripe(String userKey) {
    return stripes[Math.floorMod(userKey.hashCode(), STRIPES)];
  }

  private static <T> T under(Lock lock, Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
