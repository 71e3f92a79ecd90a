package org.humiao.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.TextLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code screen [FILE]}: one JSON answer per input line, in input order, in constant memory. Lines
 * go to the workers in batches, each batch answered as one block of UTF-8 JSON lines; a bounded
 * window of batches is in flight, the oldest written first. The one state lines share, the repost
 * cache, is fed by the writer in input order and asked by the workers ahead of it, the writer
 * asking again only where a line remembered since touched the answer, so the answers do not
 * depend on the number of threads.
 */
@Command(name = "screen", description = "screen UTF-8 text, one item per line (stdin without FILE), and write one JSON answer per line in the same order")
final class ScreenCommand implements Callable<Integer> {
  /** Lines per task: one hand-off, one future and one generator per 64 lines, and a slow line holds back few others. */
  private static final int BATCH = 64;
  /** Batches in flight per thread (256 lines): enough to keep every core busy past a slow line, few enough to stay small. */
  private static final int WINDOW_PER_THREAD = 4;
  /** Answers reach stdout in blocks this large, not one write per line. */
  private static final int OUTPUT_BUFFER = 1 << 16;
  /** Thread-safe once configured; a generator per batch. */
  private static final JsonFactory JSON = new JsonFactory();

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
      OutputStream answers = new BufferedOutputStream(out, OUTPUT_BUFFER);
      ArrayDeque<Future<Answers>> window = new ArrayDeque<>();
      List<BoundedLineReader.Line> batch = new ArrayList<>(BATCH);
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        batch.add(line);
        if (batch.size() == BATCH) {
          List<BoundedLineReader.Line> full = batch;
          window.add(pool.submit(() -> answer(engine, full)));
          batch = new ArrayList<>(BATCH);
          if (window.size() >= threads * WINDOW_PER_THREAD) {
            write(engine, window.poll(), answers, shown);
          }
        }
      }
      if (!batch.isEmpty()) {
        List<BoundedLineReader.Line> last = batch;
        window.add(pool.submit(() -> answer(engine, last)));
      }
      while (!window.isEmpty()) {
        write(engine, window.poll(), answers, shown);
      }
      answers.flush();
      shown.finish();
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  /** Settles the oldest batch's repost steps here, in input order (lookups mostly done by the workers), then writes its answers. */
  private static void write(ScreeningEngine engine, Future<Answers> batch, OutputStream out, Progress shown)
      throws InterruptedException, IOException {
    Answers answers;
    try {
      answers = batch.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    byte[] json = answers.json();
    int from = 0;
    for (ScreeningEngine.Unsettled unsettled : answers.unsettled()) {
      int end = from;
      while (json[end] != '\n') {
        end++;
      }
      end++;
      ScreeningResult settled = unsettled == null ? null : engine.settle(unsettled);
      if (settled == null || settled == unsettled.beforeReposts()) {
        out.write(json, from, end - from);
      } else {
        // the rare line the repost cache changed: its answer is written again
        out.write((ScreeningJson.encode(settled) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      from = end;
      shown.step();
    }
  }

  /**
   * A batch's answers as its worker leaves them: one JSON line each, in UTF-8, and each screened
   * line's repost step still to take (null for an error answer). JSON escapes a line break inside a
   * string, so every raw {@code '\n'} ends an answer.
   */
  record Answers(byte[] json, ScreeningEngine.Unsettled[] unsettled) {}

  /**
   * Screens a batch on a worker, its answers written by one generator into one buffer. UTF-8 is
   * encoded from the text as a whole, as the print stream did line by line (a lone surrogate
   * becomes '?'), so the bytes are the same.
   */
  static Answers answer(ScreeningEngine engine, List<BoundedLineReader.Line> lines) throws IOException {
    StringWriter text = new StringWriter(lines.size() * 512);
    ScreeningEngine.Unsettled[] unsettled = new ScreeningEngine.Unsettled[lines.size()];
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.setRootValueSeparator(null);
      for (int i = 0; i < unsettled.length; i++) {
        BoundedLineReader.Line line = lines.get(i);
        if (line.overLimit()) {
          raw(json, text, ScreeningJson.error("text_too_long",
              "line is " + line.length() + " UTF-16 units, the limit is " + TextLimits.DEFAULT_MAX_LENGTH).encode());
          continue;
        }
        try {
          unsettled[i] = engine.screenUnsettled(line.text(), Engines.UNHURRIED);
        } catch (InvalidTextException e) {
          raw(json, text, ScreeningJson.error(e.problem().id(), e.getMessage()).encode());
          continue;
        }
        json.writeStartObject();
        ScreeningJson.writeFields(json, unsettled[i].beforeReposts());
        json.writeEndObject();
        json.flush();
        text.write('\n');
      }
    }
    return new Answers(text.toString().getBytes(StandardCharsets.UTF_8), unsettled);
  }

  /** An answer written whole (an error's), after what the generator holds. */
  private static void raw(JsonGenerator json, StringWriter text, String answer) throws IOException {
    json.flush();
    text.write(answer);
    text.write('\n');
  }

  /** Malformed UTF-8 becomes U+FFFD rather than ending the run. */
  private static Reader utf8(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
  }
}
