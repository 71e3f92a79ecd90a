package org.humiao.bench;

import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.SummaryRow;
import org.humiao.events.summary.ViolationSummaries;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Time per summary query over a quarter holding one million events. Every dimension is drawn
 * uniformly (8 platforms, 12 categories, all kinds, 34 provinces, severity 1–4), which is the
 * worst case for the roll-ups: almost every event of a day lands in a cell of its own, so a query
 * walks close to a million cells. Real traffic is skewed and shares cells far more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class SummaryBenchmark {
  private static final LocalDate FROM = LocalDate.parse("2026-10-01");
  private static final LocalDate TO = LocalDate.parse("2027-01-01");
  private static final String[] CATEGORIES = {"insult", "threat", "sexual", "violence", "self_harm", "drugs", "gambling",
      "fraud", "exclusion", "grooming", "personal_info", "discrimination"};

  @Param("1000000")
  public int events;

  private ViolationSummaries summaries;

  @Setup(Level.Trial)
  public void load() {
    summaries = new ViolationSummaries();
    SplittableRandom random = new SplittableRandom(20261123);
    ViolationEvent.Kind[] kinds = ViolationEvent.Kind.values();
    long start = FROM.atStartOfDay(ViolationSummaries.ZONE).toEpochSecond();
    long seconds = TO.atStartOfDay(ViolationSummaries.ZONE).toEpochSecond() - start;
    List<JournalEntry> batch = new ArrayList<>(4096);
    for (int i = 0; i < events; i++) {
      int severity = random.nextInt(1, 5);
      ViolationEvent event = ViolationEvent.builder("platform-" + random.nextInt(8), kinds[random.nextInt(kinds.length)])
          .id("e" + i).time(Instant.ofEpochSecond(start + random.nextLong(seconds)))
          .category(CATEGORIES[random.nextInt(CATEGORIES.length)], severity).rule("term")
          .region((11 + random.nextInt(34)) + "0000").mandatoryReport(severity == 4).build();
      batch.add(new JournalEntry(i, event));
      if (batch.size() == 4096) {
        summaries.accept(batch);
        batch.clear();
      }
    }
    summaries.accept(batch);
  }

  @Benchmark
  public List<SummaryRow> quarterByPlatformAndCategory() {
    return summaries.query(new SummaryQuery(FROM, TO, EnumSet.of(Dimension.PLATFORM, Dimension.CATEGORY), null));
  }

  @Benchmark
  public List<SummaryRow> quarterByDay() {
    return summaries.query(new SummaryQuery(FROM, TO, EnumSet.of(Dimension.DAY), null));
  }

  @Benchmark
  public List<SummaryRow> onePlatformQuarterByDay() {
    return summaries.query(new SummaryQuery(FROM, TO, EnumSet.of(Dimension.DAY), "platform-3"));
  }
}
