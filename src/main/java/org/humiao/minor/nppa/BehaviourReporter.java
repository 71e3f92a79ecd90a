package org.humiao.minor.nppa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reports logins and logouts to the NPPA: {@link #report} makes a record durable in the outbox,
 * and a sender thread takes up to {@code batchSize} records at a time, delivers them and commits
 * them once the answer is handled.
 *
 * <p>Nothing here runs on the caller's thread, so a Vert.x handler may call {@link #report} and
 * compose on the returned future ({@code Future.fromCompletionStage}). Two threads of our own do
 * the blocking: one does all outbox disk I/O and is never interrupted (an interrupt would close
 * the outbox's FileChannel), the other sends and waits; stopping interrupts only the sender.
 */
public final class BehaviourReporter implements AutoCloseable {

  /** How long the sender waits before taking the same batch again after an unexpected failure. */
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

  private static final System.Logger LOG = System.getLogger(BehaviourReporter.class.getName());

  private final FileOutbox outbox;
  private final BatchDelivery delivery;
  private final int batchSize;
  private final ReportListener listener;
  private final ExecutorService disk;
  private final Thread sender;

  /** @param outbox stays the caller's to close, after {@link #close()} */
  public BehaviourReporter(FileOutbox outbox, BatchDelivery delivery, int batchSize, ReportListener listener) {
    if (batchSize < 1 || batchSize > NppaConfig.MAX_BATCH) {
      throw new IllegalArgumentException("batchSize must be 1.." + NppaConfig.MAX_BATCH);
    }
    this.outbox = outbox;
    this.delivery = delivery;
    this.batchSize = batchSize;
    this.listener = listener;
    // daemon threads: whatever they hold is already on disk, so they must not keep the JVM alive
    this.disk = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "nppa-outbox"));
    this.sender = daemon(this::sendLoop, "nppa-sender");
  }

  public void start() {
    sender.start();
  }

  /** Completes once the record is durable; fails if the disk write failed or the reporter is closed. */
  public CompletableFuture<Void> report(BehaviourRecord record) {
    return reportAll(List.of(record));
  }

  /** One disk write and fsync for all of them: cheaper than one {@link #report} each. */
  public CompletableFuture<Void> reportAll(Collection<BehaviourRecord> records) {
    List<BehaviourRecord> copy = List.copyOf(records);
    try {
      return CompletableFuture.runAsync(() -> {
        try {
          outbox.append(copy);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, disk);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("the reporter is closed", e));
    }
  }

  /** Stops sending; a batch in flight stays uncommitted and is sent again after the next start. */
  @Override
  public void close() throws InterruptedException {
    sender.interrupt();
    sender.join();
    disk.shutdown();
    disk.awaitTermination(1, TimeUnit.MINUTES);
  }

  private void sendLoop() {
    try {
      while (true) {
        List<BehaviourRecord> batch = outbox.awaitBatch(batchSize);
        DeliveryOutcome outcome;
        try {
          outcome = delivery.deliver(batch);
        } catch (RuntimeException e) {
          // a bug, not an answer: keep the batch and keep the thread alive
          LOG.log(System.Logger.Level.ERROR, "NPPA delivery failed unexpectedly; the batch will be sent again", e);
          Thread.sleep(FAILURE_PAUSE.toMillis());
          continue;
        }
        notifyListener(outcome);
        commit(batch.size());
      }
    } catch (InterruptedException e) {
      // close() asked us to stop
    }
  }

  private void notifyListener(DeliveryOutcome outcome) {
    try {
      listener.handled(outcome);
    } catch (RuntimeException e) {
      // a broken listener must not stop reporting, nor make the batch be sent again
      LOG.log(System.Logger.Level.ERROR, "NPPA report listener failed", e);
    }
  }

  /** Runs the commit on the disk thread and waits; on a disk error the batch stays pending and is sent again. */
  private void commit(int count) throws InterruptedException {
    try {
      disk.submit(() -> {
        outbox.commit(count);
        return null;
      }).get();
    } catch (ExecutionException e) {
      LOG.log(System.Logger.Level.ERROR, "NPPA outbox commit failed; the batch will be sent again", e.getCause());
      Thread.sleep(FAILURE_PAUSE.toMillis());
    } catch (RejectedExecutionException e) {
      throw new InterruptedException("the reporter is closing");
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
