package org.humiao.screening.semantic;

import org.humiao.screening.semantic.admission.Admission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The encoder behind admission control: callers queue texts on a bounded queue, a few workers of
 * its own take up to {@code maxBatch} waiting texts at a time and encode them in one batch, and a
 * caller whose text cannot be encoded within its deadline (the process saturated, queue full,
 * predicted or actual wait too long, encoder failure) gets nothing back and keeps its fast verdict;
 * {@link Admission} refuses at once whatever it can foresee. Never throws because of the encoder.
 */
public final class SemanticTier implements AutoCloseable {

  /**
   * Pool and queue sizes.
   *
   * @param workers threads running the encoder (each with one ONNX intra-op thread)
   * @param queueCapacity texts that may wait; beyond it a text is skipped at once
   * @param maxBatch texts encoded together at most
   */
  public record Settings(int workers, int queueCapacity, int maxBatch) {
    public Settings {
      if (workers < 1 || queueCapacity < 1 || maxBatch < 1) {
        throw new IllegalArgumentException("semantic tier settings must be positive: " + workers + ", " + queueCapacity + ", " + maxBatch);
      }
    }

    /**
     * One worker, 64 waiting texts, no batching: on one intra-op thread, batches of 8 and 32 were no
     * faster than single texts in SemanticBenchmark (padding to the longest line eats the gain).
     */
    public static Settings defaults() {
      return new Settings(1, 64, 1);
    }
  }

  /**
   * Why a text that the tier should have seen was not encoded: refused at once because the process
   * is saturated ({@code YIELD}), the queue is full, or the wait ahead plus its own encoding would end
   * past its deadline ({@code BUDGET}); or admitted, but its vector was not ready by its deadline
   * ({@code LATE}: the estimate was wrong), or the encoder failed.
   */
  public enum Skip { YIELD, QUEUE_FULL, BUDGET, LATE, FAILURE }

  /**
   * Counters since start: texts encoded for a caller, texts skipped by cause, segments of long
   * texts left out past the tier's cap (their n-gram scores stood), texts encoded by
   * {@link #warmUp} before any caller, in {@code warmUpNanos}, and the time the workers spent in the
   * encoder ({@code busyNanos}, the warm-up's included): its rate is the share of a core the tier
   * takes from the rest of the process.
   */
  public record Stats(long ran, Map<Skip, Long> skipped, long segmentsLeftOut, long warmedUp, long warmUpNanos,
                      long busyNanos) {
    public Stats {
      skipped = Map.copyOf(skipped);
    }
  }

  /** A caller's texts (a text, or a long text and its best segments), encoded in one batch. */
  private record Pending(List<String> texts, int units, long deadline, CompletableFuture<float[][]> result) {}

  private final Encoder encoder;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final List<Thread> workers = new ArrayList<>();
  private final LongAdder ran = new LongAdder();
  private final LongAdder segmentsLeftOut = new LongAdder();
  private final LongAdder warmedUp = new LongAdder();
  private final LongAdder warmUpNanos = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final Map<Skip, LongAdder> skipped = new EnumMap<>(Skip.class);
  private final Admission admission;

  public SemanticTier(Encoder encoder, Settings settings) {
    this.encoder = encoder;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.maxBatch = settings.maxBatch();
    this.admission = new Admission(settings.workers(), System.nanoTime());
    for (Skip s : Skip.values()) {
      skipped.put(s, new LongAdder());
    }
    for (int i = 0; i < settings.workers(); i++) {
      Thread t = new Thread(this::work, "semantic-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  public String encoderId() {
    return encoder.id();
  }

  /**
   * The text's vector, or empty when it could not be had before {@code deadline} (a
   * {@link System#nanoTime()} value); every empty answer is counted by its cause.
   */
  public Optional<float[]> encode(String text, long deadline) {
    return encode(List.of(text), deadline).map(v -> v[0]);
  }

  /**
   * The texts' vectors, in order, encoded together for one caller (a long text and its best
   * segments), or empty as {@link #encode(String, long)}: all are admitted or none, and their cost is
   * the sum of theirs.
   */
  public Optional<float[][]> encode(List<String> texts, long deadline) {
    Optional<Ticket> ticket = admit(texts, deadline);
    return ticket.isEmpty() ? Optional.empty() : encode(ticket.get(), texts);
  }

  /**
   * The first half of {@link #encode(String, long)}, which never waits: a ticket when {@link
   * Admission} takes the text (its cost reserved until the ticket is encoded or released), empty and
   * counted when it refuses it. So a caller that must not wait (an event loop) learns at once whether
   * the tier will judge the text, and only then moves to a thread that may wait for it.
   */
  public Optional<Ticket> admit(List<String> texts, long deadline) {
    int units = units(texts);
    switch (admission.admit(units, System.nanoTime(), deadline)) {
      case YIELDED:
        skip(Skip.YIELD);
        return Optional.empty();
      case OVER_BUDGET:
        skip(Skip.BUDGET);
        return Optional.empty();
      case ADMITTED:
        break;
    }
    return Optional.of(new Ticket(List.copyOf(texts), units, deadline));
  }

  private int units(List<String> texts) {
    int units = 0;
    for (String text : texts) {
      // a text over the encoder's tokens is cut: it costs no more than one of that length
      units += Admission.units(Math.min(text.length(), encoder.maxTokens()));
    }
    return units;
  }

  /**
   * The second half of {@link #encode(List, long)}: waits for the vectors of admitted texts, by
   * the ticket's deadline. {@code texts} other than the ticket's (the lexicon reloaded between the
   * halves, so they normalize otherwise) give the ticket back and ask for these texts afresh.
   */
  public Optional<float[][]> encode(Ticket ticket, List<String> texts) {
    if (!ticket.texts.equals(texts)) {
      ticket.release();
      return encode(texts, ticket.deadline);
    }
    if (!ticket.claim()) {
      // released already: its caller stopped waiting (the request timed out before its worker started)
      return skip(Skip.LATE);
    }
    Pending p = new Pending(ticket.texts, ticket.units, ticket.deadline, new CompletableFuture<>());
    if (!queue.offer(p)) {
      admission.dropped(ticket.units);
      return skip(Skip.QUEUE_FULL);
    }
    long deadline = ticket.deadline;
    try {
      float[][] v = p.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      ran.increment();
      return Optional.of(v);
    } catch (TimeoutException e) {
      p.result().cancel(false);
      return skip(Skip.LATE);
    } catch (ExecutionException e) {
      return skip(Skip.FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.result().cancel(false);
      return skip(Skip.LATE);
    }
  }

  /**
   * A text {@link Admission} took, its cost counted as waiting until it is queued for the encoder
   * ({@link SemanticTier#encode(Ticket, List)}) or {@link #release released}, whichever comes first.
   */
  public final class Ticket {
    private final List<String> texts;
    private final int units;
    private final long deadline;
    private final AtomicBoolean taken = new AtomicBoolean();

    private Ticket(List<String> texts, int units, long deadline) {
      this.texts = texts;
      this.units = units;
      this.deadline = deadline;
    }

    /** Gives the reserved cost back unless the text was queued already; safe to call more than once. */
    public void release() {
      if (claim()) {
        admission.dropped(units);
      }
    }

    private boolean claim() {
      return taken.compareAndSet(false, true);
    }
  }

  /**
   * Encodes {@code texts} one at a time through the workers, as callers' texts go, before any caller
   * comes, and stops once {@code maxNanos} have passed: a model's first runs (ONNX's allocations, the
   * JIT) can take several times a text's budget, and admission's estimate is learnt here rather than
   * from the first callers' texts, which would otherwise wait for nothing or be refused by an estimate
   * a cold run set. Not counted as encoded or skipped.
   *
   * @return the texts encoded
   */
  public int warmUp(List<String> texts, long maxNanos) {
    long start = System.nanoTime();
    long deadline = start + maxNanos;
    int done = 0;
    for (String text : texts) {
      int units = units(List.of(text));
      // refused: the encoder is slower than the time left, which is spent
      if (admission.admit(units, System.nanoTime(), deadline) != Admission.Verdict.ADMITTED) {
        break;
      }
      Pending p = new Pending(List.of(text), units, deadline, new CompletableFuture<>());
      if (!queue.offer(p)) {
        admission.dropped(p.units());
        break;
      }
      try {
        p.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        done++;
      } catch (TimeoutException | ExecutionException e) {
        // out of time, or an encoder that fails: the callers' texts will find out the same way
        p.result().cancel(false);
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.result().cancel(false);
        break;
      }
    }
    warmedUp.add(done);
    warmUpNanos.add(System.nanoTime() - start);
    return done;
  }

  /**
   * From now on the tier admits nothing while {@code yield} says the process is saturated, so the
   * fast path keeps the cores; the service calls it with its screening in-flight count and its event
   * loops' lag.
   */
  public void yieldTo(Admission.Yield yield) {
    admission.yieldTo(yield);
  }

  /** Counts segments of a long text that the caller did not send past the tier's cap. */
  public void leftOut(int segments) {
    segmentsLeftOut.add(segments);
  }

  private <T> Optional<T> skip(Skip cause) {
    skipped.get(cause).increment();
    return Optional.empty();
  }

  public Stats stats() {
    Map<Skip, Long> counts = new EnumMap<>(Skip.class);
    skipped.forEach((k, v) -> counts.put(k, v.sum()));
    return new Stats(ran.sum(), counts, segmentsLeftOut.sum(), warmedUp.sum(), warmUpNanos.sum(), busyNanos.sum());
  }

  private void work() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (!Thread.currentThread().isInterrupted()) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, maxBatch - 1);
      long now = System.nanoTime();
      // callers that gave up (or will have by the time a batch is done) are not encoded
      batch.removeIf(p -> {
        boolean gone = p.result().isDone() || p.deadline() - now <= 0;
        if (gone) {
          admission.dropped(p.units());
        }
        return gone;
      });
      if (batch.isEmpty()) {
        continue;
      }
      try {
        float[][] vectors = encoder.encode(batch.stream().flatMap(p -> p.texts().stream()).toList());
        int from = 0;
        for (Pending p : batch) {
          p.result().complete(Arrays.copyOfRange(vectors, from, from + p.texts().size()));
          from += p.texts().size();
        }
      } catch (Throwable e) { // whatever the encoder throws, its callers keep their fast verdict and the worker goes on
        batch.forEach(p -> p.result().completeExceptionally(e));
      }
      long done = System.nanoTime();
      busyNanos.add(done - now);
      admission.done(batch.stream().mapToInt(Pending::units).sum(), done - now, done);
    }
  }

  /** Stops the workers and closes the encoder; texts still queued get no answer and their callers time out. */
  @Override
  public void close() {
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    encoder.close();
  }
}
