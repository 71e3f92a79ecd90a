package org.humiao.minor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
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
 * the embedded store rewrites its files, so a call on an event loop waits microseconds at most. A
 * call that waits for Redis without a thread ({@link NonBlockingCalls}) holds no lock meanwhile: it
 * is counted instead ({@link #enter}), and an erasure waits for the count before it takes the lock.
 */
final class UserOrder {
  private static final int STRIPES = 1024;
  /** How long an erasure sleeps between looks at the calls still under way without a thread. */
  private static final long DRAIN_PAUSE_MILLIS = 1;

  private final ReentrantReadWriteLock[] stripes = new ReentrantReadWriteLock[STRIPES];
  /** Calls of the stripe under way across round trips made without a thread ({@link #enter}). */
  private final AtomicIntegerArray unthreaded = new AtomicIntegerArray(STRIPES);
  /** Erasures of the stripe waiting or under way: while there is one, no call may {@link #enter}. */
  private final AtomicIntegerArray erasures = new AtomicIntegerArray(STRIPES);
  private volatile BooleanSupplier mayNotWait = () -> false;

  UserOrder() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantReadWriteLock();
    }
  }

  /**
   * Starts one of the user's calls that will wait for round trips without holding a thread, and so
   * without the lock, until {@link #exit}: an erasure of the stripe waits for it as for a call holding
   * the lock. False (nothing started) while an erasure of the stripe waits or runs: the caller then
   * runs the call on a worker, under the lock. Never blocks.
   */
  boolean enter(String userKey) {
    int stripe = index(userKey);
    unthreaded.incrementAndGet(stripe);
    // both counters are volatile: either this sees the erasure, or the erasure sees this call and waits for it
    if (erasures.get(stripe) > 0) {
      unthreaded.decrementAndGet(stripe);
      return false;
    }
    return true;
  }

  /** Ends a call {@link #enter} started. */
  void exit(String userKey) {
    unthreaded.decrementAndGet(index(userKey));
  }

  /** The lock was held and the caller may not wait for it ({@link #refuseWaitsWhen}). */
  static final class Busy extends RuntimeException {
    Busy() {
      super(null, null, false, false);
    }
  }

  /** While {@code mayNotWait} holds on the calling thread (an event loop), a call finding the lock held is {@link Busy}. */
  void refuseWaitsWhen(BooleanSupplier mayNotWait) {
    this.mayNotWait = mayNotWait;
  }

  /** Runs one of the user's calls; it waits only for an erasure of a user of its stripe under way. */
  <T> T call(String userKey, Supplier<T> body) {
    Lock lock = stripe(userKey).readLock();
    if (mayNotWait.getAsBoolean()) {
      if (!lock.tryLock()) {
        throw new Busy();
      }
      try {
        return body.get();
      } finally {
        lock.unlock();
      }
    }
    return under(lock, body);
  }

  /** Runs an erasure of the user once no call of its stripe is under way, holding new ones back. */
  <T> T erasure(String userKey, Supplier<T> body) {
    int stripe = index(userKey);
    erasures.incrementAndGet(stripe);
    try {
      // before the lock: a call that entered takes the lock for its decision, and must not find it held
      while (unthreaded.get(stripe) > 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DRAIN_PAUSE_MILLIS));
      }
      return under(stripe(userKey).writeLock(), body);
    } finally {
      erasures.decrementAndGet(stripe);
    }
  }

  private ReentrantReadWriteLock stripe(String userKey) {
    return stripes[index(userKey)];
  }

  private static int index(String userKey) {
    return Math.floorMod(userKey.hashCode(), STRIPES);
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
