package org.humiao.durable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: submitters only enqueue; one thread takes whatever has queued up, hands it to the
 * {@link BatchWriter} (which writes it all and syncs once), and only then completes the
 * submitters' futures. Under load a sync covers many writes, so throughput is bounded by disk
 * bandwidth, not by fsync latency, and no caller's thread ever waits on the disk.
 *
 * <p>Items are written in the order they were submitted. A failed write or sync fails its batch
 * ({@link StorageFullException} when the disk is full), and new submissions are refused at once
 * with the same failure while the writer, every {@value #RETRY_MILLIS} ms, asks the
 * {@link BatchWriter} to write nothing, which puts its file back to the last sync and writes
 * whatever it still owes; once that succeeds, submissions are taken again. So a full disk costs
 * the requests made while it is full, not the writer: it comes back by itself when space returns.
 *
 * @param <T> what is submitted
 * @param <R> what a submitter learns once its item is durable
 */
public final class GroupCommit<T, R> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

  /** How often a failed writer tries again; the Retry-After of a refusal is about this long. */
  public static final long RETRY_MILLIS = 500;

  /** Writes a batch and syncs it once. */
  @FunctionalInterface
  public interface BatchWriter<T, R> {
    /**
     * Returns one result per item, in order, once all are durable. After a call that threw, the
     * next call must start from the state of the last successful sync (cutting what the failed
     * call left half-written); an empty batch is the writer's retry and writes only that.
     */
    List<R> write(List<T> items) throws IOException;
  }

  private record Submission<T, R>(T item, CompletableFuture<R> done) {}

  private final String name;
  private final Path directory;
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
  /** What the last write failed with, refusing submissions until a write succeeds; null when writing. */
  private volatile RuntimeException failure;

  /**
   * @param name what is written ("journal"), naming the thread and the errors
   * @param directory where the writer writes, to tell a full disk from another failure
   * @param capacity items queued at most; past that a submission fails at once
   * @param maxBatch items written under one sync at most
   */
  public GroupCommit(String name, Path directory, BatchWriter<T, R> writer, int capacity, int maxBatch) {
    this.name = name;
    this.directory = directory;
    this.writer = writer;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "humiao-" + name + "-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Never blocks: a full queue fails the future with {@link QueueFullException}, a writer that has
   * not yet recovered from a failed write with that failure ({@link StorageFullException} for a
   * full disk).
   */
  public CompletableFuture<R> submit(T item) {
    RuntimeException failed = failure;
    if (failed != null) {
      return CompletableFuture.failedFuture(failed);
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

  /**
   * What refuses submissions now: the last write's failure, until a write succeeds again (a full
   * disk is a {@link StorageFullException}); empty while writing works. For health checks.
   */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many syncs were made; fewer than submissions when group commit is working. */
  public long syncCount() {
    return syncs.sum();
  }

  private void run() {
    List<Submission<T, R>> batch = new ArrayList<>(maxBatch);
    boolean stopping = false;
    while (!stopping) {
      Submission<T, R> first;
      try {
        first = failure == null ? queue.take() : queue.poll(RETRY_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        // only close() may stop the writer, or accepted items would never complete
        continue;
      }
      if (first == null) {
        retry();
        continue;
      }
      batch.add(first);
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
      List<T> items = new ArrayList<>(batch.size());
      batch.forEach(submission -> items.add(submission.item));
      results = writer.write(items);
      syncs.increment();
    } catch (IOException e) {
      RuntimeException refusal = failed(e);
      batch.forEach(submission -> submission.done.completeExceptionally(refusal));
      return;
    }
    recovered();
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done.complete(results.get(i));
    }
  }

  /** While failed and idle: lets the writer restore its file and write what it owes. */
  private void retry() {
    try {
      writer.write(List.of());
    } catch (IOException e) {
      failed(e);
      return;
    }
    synchronized (this) {
      // everything accepted before the failure either failed or is now written (the writer wrote
      // what it owed), so a reader waiting for "all so far" need not wait for a failed future
      latest = CompletableFuture.completedFuture(null);
    }
    recovered();
  }

  private RuntimeException failed(IOException e) {
    RuntimeException refusal = StorageFullException.outOfSpace(e, directory)
        ? new StorageFullException(name, e)
        : new IllegalStateException(name + " write failed; retrying", e);
    if (failure == null) {
      // once per outage, not once per retry
      LOG.log(System.Logger.Level.ERROR, name + " write failed; refusing writes and retrying every "
          + RETRY_MILLIS + " ms", e);
    }
    failure = refusal;
    return refusal;
  }

  private void recovered() {
    if (failure != null) {
      failure = null;
      LOG.log(System.Logger.Level.INFO, name + " writes again");
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
