package org.humiao.durable;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingWritesTest {
  private final PendingWrites pending = new PendingWrites();

  @Test
  void aTrackedCallIsDurableOnlyOnceEveryWriteItStartedIs() throws Exception {
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    PendingWrites.Tracked<String> done = pending.track(() -> {
      pending.await(first);
      pending.await(second);
      return "answer";
    });
    assertEquals("answer", done.value());
    first.complete(null);
    assertFalse(done.durable().isDone());
    second.complete("written");
    assertTrue(done.durable().isDone());
  }

  @Test
  void aWriteHandedOverTwiceHoldsTheAnswerUntilItLands() throws Exception {
    CompletableFuture<Void> flush = new CompletableFuture<>();
    PendingWrites.Tracked<Integer> done = pending.track(() -> {
      pending.await(flush);
      pending.await(flush);
      return 1;
    });
    assertFalse(done.durable().isDone());
    flush.complete(null);
    assertTrue(done.durable().isDone());
  }

  @Test
  void aCallThatWroteNothingHasNothingToWaitFor() throws Exception {
    assertNull(pending.track(() -> 1).durable());
  }

  @Test
  void aFailedWriteFailsTheCallsDurability() throws Exception {
    PendingWrites.Tracked<Integer> done = pending.track(() -> {
      pending.await(CompletableFuture.failedFuture(new IllegalStateException("disk")));
      return 1;
    });
    assertTrue(done.durable().isCompletedExceptionally());
  }

  @Test
  void untrackedWorkWaitsWhereItWritesAndGetsTheWritesFailure() {
    CompletableFuture<Void> written = CompletableFuture.runAsync(() -> { });
    pending.await(written);
    assertTrue(written.isDone());
    IllegalStateException failure = new IllegalStateException("disk");
    assertSame(failure, assertThrows(IllegalStateException.class,
        () -> pending.await(CompletableFuture.failedFuture(failure))));
  }

  @Test
  void trackingEndsWithTheCallAndDoesNotNest() throws Exception {
    pending.track(() -> 1);
    CompletableFuture<Void> later = CompletableFuture.completedFuture(null);
    pending.await(later); // untracked again: waits here, and returns
    assertThrows(IllegalStateException.class, () -> pending.track(() -> pending.track(() -> 1)));
  }
}
