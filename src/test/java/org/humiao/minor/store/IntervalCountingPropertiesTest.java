package org.humiao.minor.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.humiao.minor.time.Interval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Heartbeats retried, duplicated and reordered: whatever the order, every second of the union is
 * counted exactly once, allowed up to the limit and excess beyond it.
 */
class IntervalCountingPropertiesTest {

  @Property(tries = 200)
  void countedSecondsAreTheSizeOfTheUnion(@ForAll("heartbeats") List<Interval> reports, @ForAll long seed,
                                          @ForAll @LongRange(min = 0, max = 400) long limit) throws IOException {
    List<Interval> sent = new ArrayList<>(reports);
    sent.addAll(reports.subList(0, reports.size() / 2)); // retries
    Collections.shuffle(sent, new Random(seed));
    BitSet union = new BitSet();
    reports.forEach(i -> union.set((int) i.from(), (int) i.to()));

    Path dir = Files.createTempDirectory("prop");
    long allowed = 0;
    long excess = 0;
    PlayTally last = null;
    try (EmbeddedPlayStateStore store = EmbeddedPlayStateStore.open(dir)) {
      for (Interval i : sent) {
        last = store.addPlay("k", i, limit);
        allowed += last.addedAllowed();
        excess += last.addedExcess();
      }
    }
    assertEquals(Math.min(limit, union.cardinality()), allowed);
    assertEquals(union.cardinality(), allowed + excess);
    assertEquals(allowed, last.allowedTotal());
    try (EmbeddedPlayStateStore reopened = EmbeddedPlayStateStore.open(dir)) {
      PlayTally after = reopened.playTotals("k", 0);
      assertEquals(allowed, after.allowedTotal());
      assertEquals(excess, after.excessTotal());
    } finally {
      Files.delete(dir.resolve(EmbeddedPlayStateStore.LOG_FILE));
      Files.delete(dir);
    }
  }

  @Provide
  Arbitrary<List<Interval>> heartbeats() {
    Arbitrary<Interval> one = Combinators.combine(Arbitraries.longs().between(0, 500), Arbitraries.longs().between(1, 120))
        .as((from, length) -> new Interval(from, from + length));
    return one.list().ofMinSize(1).ofMaxSize(25);
  }
}
