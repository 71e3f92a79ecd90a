package org.humiao.bench;

import org.humiao.screening.TextNormalizer;
import org.humiao.screening.pii.PersonalInfoDetector;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per call of the personal-information detector alone, on one thread: over the chat
 * corpus (normalized as the engine normalizes it), on a clean 20-char line, and on a line with a
 * QQ number and an address. Backs the speed stated in {@link PersonalInfoDetector}'s Javadoc.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PersonalInfoBenchmark {
  static final int BATCH = 1024;

  @Param("lexicons")
  public String lexicons;

  @Param("benchmarks/corpus/chat-lines.txt")
  public String corpus;

  private PersonalInfoDetector detector;
  private String[] lines;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    detector = PersonalInfoDetector.load(Path.of(lexicons), Clock.systemDefaultZone());
    TextNormalizer normalizer = new TextNormalizer(Map.of());
    lines = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> normalizer.normalize(l).text())
        .toArray(String[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void corpusLines(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(detector.find(lines[next]));
      next = next + 1 == lines.length ? 0 : next + 1;
    }
  }

  @Benchmark
  public Object cleanLine() {
    return detector.find("今天天气很好我们一起去公园玩吧好不好呀啊");
  }

  @Benchmark
  public Object qqAndAddress() {
    return detector.find("我的qq是12345678住在阳光小区5栋302");
  }
}
