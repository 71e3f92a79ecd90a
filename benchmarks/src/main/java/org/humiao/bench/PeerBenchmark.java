package org.humiao.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import org.humiao.screening.LexiconLoader;
import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.Term;
import org.humiao.screening.TextLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The fast tier against what a platform would use instead, in one run so that every figure is a
 * ratio (as Caffeine's benchmarks put Guava and ConcurrentHashMap beside it): houbb
 * sensitive-word with its bundled lexicon and with our terms, and a plain HanLP Aho-Corasick scan
 * of our terms over the raw text (no normalization, no rules, no model: the floor of any term
 * matcher on the JVM). Lines per second on one thread, on the chat corpus and the comment-length
 * corpus ({@link CommentCorpus}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class PeerBenchmark {
  static final int BATCH = 1024;

  @Param("lexicons")
  public String lexicons;

  @Param({"benchmarks/corpus/chat-lines.txt", "benchmarks/corpus/comment-lines.txt"})
  public String corpus;

  private ScreeningEngine engine;
  private SensitiveWordBs houbbBundled;
  private SensitiveWordBs houbbOurTerms;
  private AhoCorasickDoubleArrayTrie<String> scan;
  private String[] lines;
  private int next;

  @Setup
  public void setUp() throws IOException {
    engine = new ScreeningEngine(Path.of(lexicons), Clock.systemDefaultZone(),
        new RepostGuard(100_000, Duration.ofDays(7)), new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    List<String> terms = LexiconLoader.load(Path.of(lexicons)).terms().stream().map(Term::text).distinct().toList();
    houbbBundled = SensitiveWordBs.newInstance().init();
    houbbOurTerms = SensitiveWordBs.newInstance().wordDeny(() -> terms).wordAllow(List::of).init();
    TreeMap<String, String> keywords = new TreeMap<>();
    terms.forEach(t -> keywords.put(t, t));
    scan = new AhoCorasickDoubleArrayTrie<>();
    scan.build(keywords);
    lines = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toArray(String[]::new);
  }

  private String nextLine() {
    String line = lines[next];
    next = next + 1 == lines.length ? 0 : next + 1;
    return line;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void humiaoFastTier(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(engine.screen(nextLine()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void houbbBundledLexicon(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(houbbBundled.findAll(nextLine()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void houbbOurTerms(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(houbbOurTerms.findAll(nextLine()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void plainAhoCorasick(Blackhole bh) {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(scan.parseText(nextLine()));
    }
  }
}
