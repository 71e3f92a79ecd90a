package org.humiao.durable;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

  @Test
  void itemsAreWrittenInOrderAndAFutureCompletesOnlyAfterItsBatchIsSynced() throws Exception {
    List<Integer> disk = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstBatchHeld = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", items -> {
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
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", items -> {
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
  void afterAFailedWriteEverythingIsRefused() throws Exception {
    try (GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", items -> {
      throw new IOException("disk gone");
    }, 10, 10)) {
      CompletableFuture<Integer> first = commit.submit(1);
      CompletionException e = assertThrows(CompletionException.class, first::join);
      assertInstanceOf(IOException.class, e.getCause());
      CompletableFuture<Integer> later = commit.submit(2);
      assertTrue(later.isCompletedExceptionally(), "a write after a failure was accepted");
    }
  }

  @Test
  void closeWritesEverythingAcceptedAndRefusesWhatComesAfter() throws Exception {
    List<Integer> disk = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", items -> {
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
