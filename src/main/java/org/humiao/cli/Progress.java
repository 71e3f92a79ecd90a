package org.humiao.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on stderr, at most once a second: lines done, the rate, and the time
 * left when the total is known. Shown on a terminal (rewriting one line) or with {@code --progress}
 * (a line per report, for a log); never on stdout, where the answers go.
 */
final class Progress {
  private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String what;
  private final long total;
  /** Null when silent. */
  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long started;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong nextReport;

  private Progress(String what, long total, PrintStream err, boolean terminal, LongSupplier nanoTime) {
    this.what = what;
    this.total = total;
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.nextReport = new AtomicLong(started + EVERY_NANOS);
  }

  /** As a mixin, the {@code --progress} option of the long commands. */
  static final class Flag {
    @Option(names = "--progress", description = "report progress on stderr even when it is not a terminal")
    boolean progress;

    /**
     * Progress of {@code what} over {@code total} lines (negative: unknown, and only counted when
     * shown); silent unless on a terminal or asked for.
     */
    Progress start(String what, LongSupplier total, PrintStream err) {
      boolean terminal = System.console() != null;
      return terminal || progress ? new Progress(what, total.getAsLong(), err, terminal, System::nanoTime)
          : new Progress(what, -1, null, false, System::nanoTime);
    }
  }

  /** For tests: reports on {@code err} by the given clock, a line each. */
  static Progress of(String what, long total, PrintStream err, LongSupplier nanoTime) {
    return new Progress(what, total, err, false, nanoTime);
  }

  /** One more line done; reports if a second has passed since the last report. Any thread. */
  void step() {
    if (err == null) {
      return;
    }
    long n = done.incrementAndGet();
    long now = nanoTime.getAsLong();
    long next = nextReport.get();
    if (now >= next && nextReport.compareAndSet(next, now + EVERY_NANOS)) {
      report(n, now, false);
    }
  }

  /** The last report, with the total time. */
  void finish() {
    if (err == null) {
      return;
    }
    report(done.get(), nanoTime.getAsLong(), true);
  }

  private synchronized void report(long n, long now, boolean last) {
    double seconds = Math.max(now - started, 1) / 1e9;
    double rate = n / seconds;
    StringBuilder line = new StringBuilder(what).append(": ").append(String.format("%,d", n));
    if (total >= 0) {
      line.append(String.format(" / %,d lines (%d%%)", total, total == 0 ? 100 : n * 100 / total));
    } else {
      line.append(" lines");
    }
    line.append(String.format(", %,.0f lines/s", rate));
    if (last) {
      line.append(String.format(", done in %.1f s", seconds));
    } else if (total >= 0 && rate > 0) {
      line.append(String.format(", %d s left", (long) Math.ceil(Math.max(total - n, 0) / rate)));
    }
    err.print(terminal ? "\r" + line + (last ? "\n" : "") : line + "\n");
    err.flush();
  }

  /** Lines in a file (newlines, and a last line without one), for the total; reads it once, fast. */
  static long countLines(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long lines = 0;
      byte last = '\n';
      for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
        for (int i = 0; i < r; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        last = buffer[r - 1];
      }
      return last == '\n' ? lines : lines + 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
