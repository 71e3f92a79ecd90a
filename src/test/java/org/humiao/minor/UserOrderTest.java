package org.humiao.minor;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call waiting for a round trip without a thread ({@link UserOrder#enter}) holds a deletion of its
 * user back as a call holding the lock does, and no such call starts while a deletion waits.
 */
class UserOrderTest {

  @Test
  void anErasureWaitsForACallThatEnteredAndHoldsNewOnesBack() throws Exception {
    UserOrder order = new UserOrder();
    assertTrue(order.enter("user:demo:a"));
    AtomicBoolean erased = new AtomicBoolean();
    CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> order.erasure("user:demo:a", () -> {
      erased.set(true);
      return null;
    }));
    // the erasure has announced itself once a new call of the user may no longer enter
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (order.enter("user:demo:a")) {
      order.exit("user:demo:a");
      assertTrue(System.nanoTime() < deadline, "the erasure never held new calls back");
      Thread.sleep(1);
    }
    Thread.sleep(100);
    assertFalse(erased.get(), "erased while a call that read the user was still under way");
    order.exit("user:demo:a");
    erasure.get(5, TimeUnit.SECONDS);
    assertTrue(erased.get());
    assertTrue(order.enter("user:demo:a"), "calls enter again once the erasure is done");
    order.exit("user:demo:a");
  }

  @Test
  void aCallThatMayNotWaitIsBusyWhileAnErasureHoldsTheLock() throws Exception {
    UserOrder order = new UserOrder();
    AtomicBoolean mayNotWait = new AtomicBoolean(true);
    order.refuseWaitsWhen(mayNotWait::get);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> erasure = CompletableFuture.runAsync(() -> order.erasure("user:demo:b", () -> {
      holding.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    assertTrue(holding.await(5, TimeUnit.SECONDS));
    assertThrows(UserOrder.Busy.class, () -> order.call("user:demo:b", () -> true));
    release.countDown();
    erasure.get(5, TimeUnit.SECONDS);
    assertTrue(order.call("user:demo:b", () -> true));
  }
}
