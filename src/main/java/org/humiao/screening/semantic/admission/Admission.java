package org.humiao.screening.semantic.admission;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Whether the semantic tier takes a text: only while the process is not saturated ({@link Yield}),
 * and only if the encoding already waiting ahead of it plus its own, at the measured cost per
 * character, ends before its deadline; otherwise it is refused at once, so no caller waits for a
 * vector it would not get in time.
 *
 * <p>Cost is counted in units of {@code characters + OVERHEAD_UNITS}: a text's encoding has a fixed
 * part (the two special tokens, the ONNX call) beside the part that grows with its length. Thread-safe:
 * callers admit and the tier's workers report from any thread.
 */
public final class Admission {
  /**
   * The fixed part of one text's encoding, in characters: the encoder took about 2 ms for 20
   * characters and 5 ms for 60 on this machine (issue 12), a line through both at 0.075 ms a character
   * and 0.5 ms, or about 7 characters, for no text at all.
   */
  static final int OVERHEAD_UNITS = 7;
  /** An estimate this old is tested again by letting one text through, or one slow batch would keep texts out for ever. */
  static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Weight of the newest batch in the moving estimate: 1/8, so one odd batch moves it little. */
  private static final int SMOOTHING = 8;

  /** What became of a text asking to be encoded. */
  public enum Verdict {
    /** queued: its units are reserved until the tier reports it encoded or dropped */
    ADMITTED,
    /** the wait ahead plus its own encoding would end past its deadline */
    OVER_BUDGET,
    /** the process is saturated: the cores go to the fast path */
    YIELDED
  }

  private final int workers;
  // set by the service once its screening pool exists; never yields until then
  private volatile Yield yield = Yield.never();
  /** Units of the texts admitted and not yet encoded or dropped: queued, or in a batch being encoded. */
  private final AtomicLong pendingUnits = new AtomicLong();
  /** Moving average of the encoding time of one unit, in picoseconds (nanoseconds lose too much on short batches); 0 before the first batch. */
  private final AtomicLong picosPerUnit = new AtomicLong();
  private final AtomicLong lastReportAt;
  /** Whether the first batch has been reported: it pays the encoder's load and cold start, so it is not the estimate. */
  private final AtomicBoolean warm = new AtomicBoolean();

  /**
   * @param workers the encoder's threads, which take texts off one queue
   * @param now the current {@link System#nanoTime()}
   */
  public Admission(int workers, long now) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be positive: " + workers);
    }
    this.workers = workers;
    this.lastReportAt = new AtomicLong(now);
  }

  /** From now on, admits nothing while {@code yield} says the process is saturated. */
  public void yieldTo(Yield yield) {
    this.yield = yield;
  }

  /** The units a text of {@code chars} characters costs. */
  public static int units(int chars) {
    return chars + OVERHEAD_UNITS;
  }

  /**
   * Decides for a text of {@code units} units (see {@link #units}) that must be encoded by {@code deadline};
   * an admitted text's units count as waiting until {@link #done} is called for them.
   */
  public Verdict admit(int units, long now, long deadline) {
    if (yield.saturated()) {
      return Verdict.YIELDED;
    }
    long ahead = pendingUnits.get();
    long predicted = (ahead / workers + units) * picosPerUnit.get() / 1000;
    long last = lastReportAt.get();
    // nothing waiting and no report for a while: the estimate is stale, one text tests it again
    boolean probe = ahead == 0 && now - last > PROBE_NANOS && lastReportAt.compareAndSet(last, now);
    if (deadline - now <= predicted && !probe) {
      return Verdict.OVER_BUDGET;
    }
    pendingUnits.addAndGet(units);
    return Verdict.ADMITTED;
  }

  /** An admitted text's units leave the wait without being encoded (queue full, its caller gone). */
  public void dropped(int units) {
    pendingUnits.addAndGet(-units);
  }

  /**
   * A batch of {@code units} admitted units was encoded in {@code nanos}; it updates the estimate,
   * but for the first batch: a lazily loaded model took seconds there, which would have kept texts
   * out long after.
   */
  public void done(int units, long nanos, long now) {
    pendingUnits.addAndGet(-units);
    lastReportAt.set(now);
    if (warm.compareAndSet(false, true)) {
      return;
    }
    long took = nanos * 1000 / Math.max(1, units);
    picosPerUnit.updateAndGet(avg -> avg == 0 ? took : avg + (took - avg) / SMOOTHING);
  }

  /**
   * The tier's yielding to the fast path: whether the process is saturated now, read at each
   * admission, so it must be cheap and never block. While it is, no text is admitted.
   */
  @FunctionalInterface
  public interface Yield {
    boolean saturated();

    /**
     * Saturated while {@code load} is above {@code mark}.
     *
     * @param load read at each admission
     * @param mark the most load at which the tier still admits; {@link Integer#MAX_VALUE}: never yields
     */
    static Yield above(IntSupplier load, int mark) {
      if (mark < 0) {
        throw new IllegalArgumentException("yield mark must not be negative: " + mark);
      }
      return () -> load.getAsInt() > mark;
    }

    /** Never yields: for file commands and tests, where no request competes for the cores. */
    static Yield never() {
      return () -> false;
    }

    /** Saturated when this or {@code other} says so: each signal sees a load the other cannot. */
    default Yield or(Yield other) {
      return () -> saturated() || other.saturated();
    }
  }
}
