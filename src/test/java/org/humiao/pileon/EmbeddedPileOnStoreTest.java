package org.humiao.pileon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded store: what every store does ({@link PileOnStoreContract}), and its own bound on targets. */
class EmbeddedPileOnStoreTest extends PileOnStoreContract {
  private final EmbeddedPileOnStore store = new EmbeddedPileOnStore(1000);

  @Override
  protected PileOnStore open() {
    return store;
  }

  @Test
  void pastItsCapTheLeastRecentlyTouchedTargetIsDroppedAndCounted() {
    EmbeddedPileOnStore small = new EmbeddedPileOnStore(3);
    List<Duration> windows = List.of(Duration.ofMinutes(10));
    for (String target : List.of("a", "b", "c")) {
      small.hit(target, 1000, "x", windows, 10);
    }
    small.hit("a", 1001, "y", windows, 10); // a is now the most recent
    small.hit("d", 1002, "x", windows, 10);
    assertEquals(3, small.size());
    assertEquals(1, small.evicted());
    assertEquals(new Tally(0, 0), small.tallies("b", 1002, windows).get(0));
    assertEquals(new Tally(2, 2), small.tallies("a", 1002, windows).get(0));
  }
}
