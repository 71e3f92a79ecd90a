package org.humiao.bench;

import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.TextLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lines per second of the whole engine (every normalizer, all lexicons, rules, personal
 * information, the model and the repost guard) on one thread, over a corpus of short chat lines
 * mixing clean chat with abuse and its evasions. The fork runs with a 512 MB heap, and the heap
 * in use after a full GC is printed at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ScreeningBenchmark {
  static final int BATCH = 1024;

  @Param("lexicons")
  public String lexicons;

  @Param("benchmarks/corpus/chat-lines.txt")
  public String corpus;

  private ScreeningEngine engine;
  private String[] lines;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    engine = new ScreeningEngine(Path.of(lexicons), Clock.systemDefaultZone(),
        new RepostGuard(100_000, Duration.ofDays(7)), new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    List<String> all = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    lines = all.toArray(String[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void screenChatLines(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      ScreeningResult result = engine.screen(lines[next]);
      bh.consume(result);
      next = next + 1 == lines.length ? 0 : next + 1;
    }
  }

  @TearDown(Level.Trial)
  public void reportHeap() {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%nheap in use after full GC, engine loaded: %d MB (max %d MB)%n",
        used >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
