package org.humiao.durable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: submitters only enqueue; one thread takes whatever has queued up, hands it to the
 * {@link BatchWriter} (which writes it all and syncs once), and only then completes the
 * submitters' futures. Under load a sync covers many writes, so throughput is bounded by disk
 * bandwidth, not by fsync latency, and no caller's thread ever waits on the disk.
 *
 * <p>Items are written in the order they were submitted. After a failed write or sync the file's
 * state is unknown, so everything is refused from then on; reopening the file recovers to the last
 * good record.
 *
 * @param <T> what is submitted
 * @param <R> what a submitter learns once its item is durable
 */
public final class GroupCommit<T, R> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

  /** Writes a batch and syncs it once. */
  @FunctionalInterface
  public interface BatchWriter<T, R> {
    /** Returns one result per item, in order, once all are durable. */
    List<R> write(List<T> items) throws IOException;
  }

  private record Submission<T, R>(T item, CompletableFuture<R> done) {}

  private final String name;
  private final BatchWriter<T, R> writer;
  private final BlockingQueue<Submission<T, R>> queue;
  private final int capacity;
  private final int maxBatch;
  /** Queued by {@link #close()} behind every accepted item. */
  private final Submission<T, R> stop = new Submission<>(null, new CompletableFuture<>());
  private final LongAdder syncs = new LongAdder();
  private final Thread thread;
  private boolean closed;
  /** The future of the latest accepted item; written under the lock. */
  private volatile CompletableFuture<?> latest = CompletableFuture.completedFuture(null);
  private volatile IOException failure;

  /**
   * @param name what is written ("journal"), naming the thread and the errors
   * @param capacity items queued at most; past that a submission fails at once
   * @param maxBatch items written under one sync at most
   */
  public GroupCommit(String name, BatchWriter<T, R> writer, int capacity, int maxBatch) {
    this.name = name;
    this.writer = writer;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "humiao-" + name + "-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Never blocks: a full queue fails the future with {@link QueueFullException}. */
  public CompletableFuture<R> submit(T item) {
    IOException failed = failure;
    if (failed != null) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " failed; reopen it", failed));
    }
    Submission<T, R> submission = new Submission<>(item, new CompletableFuture<>());
    // the lock orders this check against close(), so nothing is queued behind the stop and left hanging
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException(name + " closed"));
      }
      if (!queue.offer(submission)) {
        return CompletableFuture.failedFuture(new QueueFullException(name, capacity));
      }
      latest = submission.done;
    }
    return submission.done;
  }

  /**
   * Completes once every item accepted so far is durable (items are written in order), or fails
   * with the failure of the latest: what a reader waits for before answering from state that
   * includes writes not yet synced.
   */
  public CompletableFuture<?> flushed() {
    return latest;
  }

  /** How many syncs were made; fewer than submissions when group commit is working. */
  public long syncCount() {
    return syncs.sum();
  }

  private void run() {
    List<Submission<T, R>> batch = new ArrayList<>(maxBatch);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // only close() may stop the writer, or accepted items would never complete
        continue;
      }
      queue.drainTo(batch, maxBatch - 1);
      stopping = batch.remove(stop);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
  }

  private void commit(List<Submission<T, R>> batch) {
    List<R> results;
    try {
      if (failure != null) {
        throw failure;
      }
      List<T> items = new ArrayList<>(batch.size());
      batch.forEach(submission -> items.add(submission.item));
      results = writer.write(items);
      syncs.increment();
    } catch (IOException e) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, name + " write failed; refusing writes until reopened", e);
      batch.forEach(submission -> submission.done.completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done.complete(results.get(i));
    }
  }

  /** Writes and syncs every accepted item, then stops the thread. */
  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.put(stop);
    thread.join();
  }
}
