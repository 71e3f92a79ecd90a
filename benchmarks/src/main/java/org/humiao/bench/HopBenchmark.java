package org.humiao.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.TextLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the screen route's hop to the screening pool costs beside what the fast tier costs by text
 * length, both as the average time of one call: the hop is an event loop handing a task to a Vert.x
 * worker and taking its answer back (minus the same trip with no hop, {@code loopOnly}); the
 * engine is one {@code screen} of a comment-corpus line cut to {@code length} characters. Where
 * the engine costs about what the hop does, screening on the event loop saves the hop's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class HopBenchmark {
  @Param("lexicons")
  public String lexicons;

  @Param("benchmarks/corpus/comment-lines.txt")
  public String corpus;

  @Param({"8", "16", "32", "64", "128", "256", "512"})
  public int length;

  private Vertx vertx;
  private Context loop;
  private WorkerExecutor workers;
  private ScreeningEngine engine;
  private String[] texts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    workers = vertx.createSharedWorkerExecutor("hop-bench", 4);
    engine = new ScreeningEngine(Path.of(lexicons), Clock.systemDefaultZone(),
        new RepostGuard(100_000, Duration.ofDays(7)), new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    List<String> lines = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList();
    // lines joined and cut, so every text has exactly the length asked for, whatever the corpus's lines are
    String all = String.join("，", lines);
    texts = new String[1000];
    for (int i = 0; i < texts.length; i++) {
      int from = (int) ((long) i * length % (all.length() - length - 2));
      // never half of an emoji's surrogate pair at either end: the engine refuses such a text
      from += Character.isLowSurrogate(all.charAt(from)) ? 1 : 0;
      int to = from + length + (Character.isHighSurrogate(all.charAt(from + length - 1)) ? 1 : 0);
      texts[i] = all.substring(from, to);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workers.close();
    vertx.close();
  }

  /** The engine alone on this thread: what an event loop would spend on the text. */
  @Benchmark
  public Object screen() {
    next = next + 1 == texts.length ? 0 : next + 1;
    return engine.screen(texts[next]);
  }

  /** Onto the event loop and back: the part of {@link #hop} that is not the hop. */
  @Benchmark
  public Object loopOnly() {
    CompletableFuture<Object> done = new CompletableFuture<>();
    loop.runOnContext(v -> done.complete(v));
    return done.join();
  }

  /** Onto the event loop, from it to a worker (an empty task), and the answer back on the loop. */
  @Benchmark
  public Object hop() {
    CompletableFuture<Object> done = new CompletableFuture<>();
    loop.runOnContext(v -> workers.executeBlocking(() -> 1, false).onComplete(r -> done.complete(r.result())));
    return done.join();
  }
}
