package org.humiao.durable;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {
  /** Where the writers "write": only asked how much space is left, after a failure. */
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void itemsAreWrittenInOrderAndAFutureCompletesOnlyAfterItsBatchIsSynced() throws Exception {
    List<Integer> disk = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstBatchHeld = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", DIR, items -> {
      if (disk.isEmpty()) {
        firstBatchHeld.countDown();
        await(releaseFirst);
      }
      disk.addAll(items);
      return items.stream().map(i -> i * 10).toList();
    }, 1000, 100)) {
      CompletableFuture<Integer> first = commit.submit(0);
      assertTrue(firstBatchHeld.await(5, TimeUnit.SECONDS));
      List<CompletableFuture<Integer>> queued = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        queued.add(commit.submit(i));
      }
      CompletableFuture<?> flushed = commit.flushed();
      assertFalse(first.isDone(), "completed before its batch was written");
      assertFalse(flushed.isDone());
      releaseFirst.countDown();
      assertEquals(0, first.get(5, TimeUnit.SECONDS));
      for (int i = 1; i <= 50; i++) {
        assertEquals(i * 10, queued.get(i - 1).get(5, TimeUnit.SECONDS));
      }
      flushed.get(5, TimeUnit.SECONDS);
      assertEquals(java.util.stream.IntStream.rangeClosed(0, 50).boxed().toList(), disk);
      // the 50 queued behind the held batch went to disk together
      assertEquals(2, commit.syncCount());
    }
  }

  @Test
  void aFullQueueFailsAtOnceInsteadOfWaiting() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", DIR, items -> {
      await(release);
      return items;
    }, 2, 1)) {
      List<CompletableFuture<Integer>> accepted = new ArrayList<>();
      CompletableFuture<Integer> refused = null;
      for (int i = 0; i < 10 && refused == null; i++) {
        CompletableFuture<Integer> f = commit.submit(i);
        if (f.isCompletedExceptionally()) {
          refused = f;
        } else {
          accepted.add(f);
        }
      }
      assertTrue(refused != null, "ten submissions fit a queue of two");
      CompletionException e = assertThrows(CompletionException.class, refused::join);
      assertInstanceOf(QueueFullException.class, e.getCause());
      release.countDown();
      for (CompletableFuture<Integer> f : accepted) {
        f.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aFullDiskFailsItsBatchRefusesWhileFullAndRecoversByItselfWhenSpaceReturns() throws Exception {
    AtomicBoolean full = new AtomicBoolean(true);
    AtomicInteger retries = new AtomicInteger();
    List<Integer> disk = Collections.synchronizedList(new ArrayList<>());
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", DIR, items -> {
      if (items.isEmpty()) {
        retries.incrementAndGet();
      }
      if (full.get()) {
        throw new IOException("No space left on device");
      }
      disk.addAll(items);
      return items;
    }, 10, 10)) {
      CompletionException e = assertThrows(CompletionException.class, commit.submit(1)::join);
      assertInstanceOf(StorageFullException.class, e.getCause());
      CompletableFuture<Integer> whileFull = commit.submit(2);
      assertTrue(whileFull.isCompletedExceptionally(), "a write while the disk is full was queued");
      assertInstanceOf(StorageFullException.class, assertThrows(CompletionException.class, whileFull::join).getCause());
      assertTrue(commit.flushed().isCompletedExceptionally(), "the failed write's flush looks done");

      full.set(false);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      CompletableFuture<Integer> after = commit.submit(3);
      while (after.isCompletedExceptionally() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        after = commit.submit(3);
      }
      assertEquals(3, after.get(10, TimeUnit.SECONDS));
      assertEquals(List.of(3), disk);
      assertTrue(retries.get() >= 1, "the writer never retried on its own");
      assertFalse(commit.flushed().isCompletedExceptionally(), "the flush still fails after the recovery");
    }
  }

  @Test
  void anotherWriteFailureIsNotCalledAFullDisk() throws Exception {
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", DIR, items -> {
      throw new IOException("Input/output error");
    }, 10, 10)) {
      CompletionException e = assertThrows(CompletionException.class, commit.submit(1)::join);
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertInstanceOf(IOException.class, e.getCause().getCause());
      assertTrue(commit.submit(2).isCompletedExceptionally(), "a write after a failure was queued");
    }
  }

  @Test
  void closeWritesEverythingAcceptedAndRefusesWhatComesAfter() throws Exception {
    List<Integer> disk = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", DIR, items -> {
      disk.addAll(items);
      return items;
    }, 10_000, 64);
    List<CompletableFuture<Integer>> accepted = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      accepted.add(commit.submit(i));
    }
    commit.close();
    assertTrue(accepted.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
    assertEquals(5_000, disk.size());
    assertTrue(commit.submit(1).isCompletedExceptionally());
  }

  private static void await(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IOException("test latch not released");
      }
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }
}
