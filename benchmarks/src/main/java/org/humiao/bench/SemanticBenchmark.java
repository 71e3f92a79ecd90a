package org.humiao.bench;

import org.humiao.screening.semantic.BgeEncoder;
import org.humiao.screening.semantic.SemanticHead;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lines per second of the semantic tier alone (BGE encoder with one ONNX thread, then the head)
 * on one thread, over the chat-line corpus, at ONNX batch sizes 1, 8 and 32: each invocation
 * encodes 32 lines in 32 / batch calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class SemanticBenchmark {
  static final int LINES = 32;

  @Param({"1", "8", "32"})
  public int batch;

  @Param("lexicons/model/semantic-head.bin")
  public String head;

  @Param("benchmarks/corpus/chat-lines.txt")
  public String corpus;

  private BgeEncoder encoder;
  private SemanticHead semanticHead;
  private String[] lines;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    encoder = BgeEncoder.load(1, 128);
    semanticHead = SemanticHead.read(Path.of(head));
    List<String> all = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    lines = all.toArray(String[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void encodeAndScore(Blackhole bh) {
    for (int done = 0; done < LINES; done += batch) {
      if (next + batch > lines.length) {
        next = 0;
      }
      float[][] vectors = encoder.encode(Arrays.asList(lines).subList(next, next + batch));
      next += batch;
      for (float[] v : vectors) {
        bh.consume(semanticHead.score(v));
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
  }
}
