package org.humiao.events.journal;

import org.humiao.events.ViolationEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Group commit: appenders only enqueue; one thread takes whatever has queued up, writes it, syncs
 * once, tells the listener, and only then completes the appenders' futures. Under load a sync
 * covers many appends, so throughput is bounded by disk bandwidth, not by fsync latency.
 *
 * <p>After a failed write or sync the file's state is unknown, so the writer refuses everything
 * from then on; reopening the journal recovers to the last good record.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());
  /** Queued by {@link #close()} behind every accepted append. */
  private static final Append STOP = new Append(List.of(), List.of(), new CompletableFuture<>());

  private record Append(List<ViolationEvent> events, List<byte[]> payloads, CompletableFuture<List<JournalEntry>> done) {}

  private final SegmentLog log;
  private final Consumer<List<JournalEntry>> listener;
  private final BlockingQueue<Append> queue;
  private final int capacity;
  private final int maxBatch;
  private final LongAdder syncs = new LongAdder();
  private final Thread thread;
  private boolean closed;
  private volatile IOException failure;

  GroupCommitWriter(SegmentLog log, Consumer<List<JournalEntry>> listener, int capacity, int maxBatch) {
    this.log = log;
    this.listener = listener;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "humiao-journal-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Never blocks: a full queue fails the future with {@link JournalFullException}. */
  CompletableFuture<List<JournalEntry>> submit(List<ViolationEvent> events, List<byte[]> payloads) {
    Append append = new Append(events, payloads, new CompletableFuture<>());
    IOException failed = failure;
    if (failed != null) {
      return CompletableFuture.failedFuture(new IllegalStateException("journal failed; reopen it", failed));
    }
    // the lock orders this check against close(), so nothing is queued behind STOP and left hanging
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("journal closed"));
      }
      if (!queue.offer(append)) {
        return CompletableFuture.failedFuture(new JournalFullException(capacity));
      }
    }
    return append.done;
  }

  long syncCount() {
    return syncs.sum();
  }

  private void run() {
    List<Append> batch = new ArrayList<>(maxBatch);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // only close() may stop the writer, or accepted appends would never complete
        continue;
      }
      queue.drainTo(batch, maxBatch - 1);
      stopping = batch.removeIf(append -> append == STOP);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
  }

  private void commit(List<Append> batch) {
    List<List<JournalEntry>> written = new ArrayList<>(batch.size());
    try {
      if (failure != null) {
        throw failure;
      }
      for (Append append : batch) {
        List<JournalEntry> entries = new ArrayList<>(append.events.size());
        for (int i = 0; i < append.events.size(); i++) {
          entries.add(new JournalEntry(log.append(append.payloads.get(i)), append.events.get(i)));
        }
        written.add(entries);
      }
      log.sync();
      syncs.increment();
    } catch (IOException e) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, "journal write failed; refusing appends until reopened", e);
      batch.forEach(append -> append.done.completeExceptionally(e));
      return;
    }
    notifyListener(written);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done.complete(List.copyOf(written.get(i)));
    }
  }

  /** Before the futures complete, so whoever was acknowledged finds the events in the summaries. */
  private void notifyListener(List<List<JournalEntry>> written) {
    List<JournalEntry> all = new ArrayList<>();
    written.forEach(all::addAll);
    try {
      listener.accept(all);
    } catch (RuntimeException e) {
      // the events are durable; a broken view must not turn that into a failed append
      LOG.log(System.Logger.Level.ERROR, "journal listener failed", e);
    }
  }

  /** Writes and syncs every accepted append, then stops the thread. */
  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.put(STOP);
    thread.join();
  }
}
