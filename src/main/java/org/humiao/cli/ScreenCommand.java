package org.humiao.cli;

import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.TextLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code screen [FILE]}: one JSON answer per input line, in input order, in constant memory. The
 * lines are screened on every core; a bounded window of them is in flight, the oldest written first.
 */
@Command(name = "screen", description = "screen UTF-8 text, one item per line (stdin without FILE), and write one JSON answer per line in the same order")
final class ScreenCommand implements Callable<Integer> {
  /** Lines in flight per core: enough to keep every core busy past a slow line, few enough to stay small. */
  private static final int WINDOW_PER_THREAD = 256;

  @Mixin
  Engines engines;

  @Mixin
  Progress.Flag progress;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the text file (default: stdin)")
  Path file;

  @Option(names = "--threads", paramLabel = "N", description = "lines screened at once (default: every core)")
  int threads = Runtime.getRuntime().availableProcessors();

  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;

  ScreenCommand(InputStream stdin, PrintStream out, PrintStream err) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    Path input = file == null ? null : CommandFailure.readableFile(file, "text file",
        "give a UTF-8 file of one text per line, or no FILE to read stdin");
    if (threads < 1) {
      throw new CommandFailure("--threads must be at least 1, got " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "humiao-screen");
      t.setDaemon(true);
      return t;
    });
    try (ScreeningEngine engine = engines.engine(Engines.CHINA_CLOCK);
         Reader reader = utf8(input == null ? stdin : Files.newInputStream(input))) {
      // counted from here: the rate is the screening's, not the lexicons' loading
      Progress shown = progress.start("screen", () -> input == null ? -1 : Progress.countLines(input), err);
      BoundedLineReader lines = new BoundedLineReader(reader, TextLimits.DEFAULT_MAX_LENGTH);
      ArrayDeque<Future<Answer>> window = new ArrayDeque<>();
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        BoundedLineReader.Line item = line;
        window.add(pool.submit(() -> answer(engine, item)));
        if (window.size() >= threads * WINDOW_PER_THREAD) {
          write(engine, window.poll(), shown);
        }
      }
      while (!window.isEmpty()) {
        write(engine, window.poll(), shown);
      }
      shown.finish();
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  /** Settles the oldest line's repost step here, in input order, then writes its answer. */
  private void write(ScreeningEngine engine, Future<Answer> answer, Progress shown) throws InterruptedException {
    try {
      out.println(answer.get().settle(engine));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    shown.step();
  }

  /**
   * A line's answer as a worker leaves it: its JSON, and for a screened line the repost step still
   * to take (null for an error answer). The JSON is written on the worker, and again by
   * {@link #settle} only in the rare case that the step changes the answer.
   */
  record Answer(String json, ScreeningEngine.Unsettled unsettled) {
    String settle(ScreeningEngine engine) {
      if (unsettled == null) {
        return json;
      }
      ScreeningResult settled = engine.settle(unsettled);
      return settled == unsettled.beforeReposts() ? json : ScreeningJson.encode(settled);
    }
  }

  static Answer answer(ScreeningEngine engine, BoundedLineReader.Line line) {
    if (line.overLimit()) {
      return new Answer(ScreeningJson.error("text_too_long",
          "line is " + line.length() + " UTF-16 units, the limit is " + TextLimits.DEFAULT_MAX_LENGTH).encode(), null);
    }
    try {
      ScreeningEngine.Unsettled unsettled = engine.screenUnsettled(line.text(), Engines.UNHURRIED);
      return new Answer(ScreeningJson.encode(unsettled.beforeReposts()), unsettled);
    } catch (InvalidTextException e) {
      return new Answer(ScreeningJson.error(e.problem().id(), e.getMessage()).encode(), null);
    }
  }

  /** Malformed UTF-8 becomes U+FFFD rather than ending the run. */
  private static Reader utf8(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
  }
}
