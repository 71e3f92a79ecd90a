package org.humiao.pileon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store: what every store does ({@link PileOnStoreContract}), on a data dir so its
 * protections survive a restart, and its own bound on targets.
 */
class EmbeddedPileOnStoreTest extends PileOnStoreContract {
  @TempDir
  Path dir;
  private EmbeddedPileOnStore store;

  @Override
  protected PileOnStore open() {
    if (store == null) {
      store = durable();
    }
    return store;
  }

  @Override
  protected PileOnStore restart(PileOnStore closed) {
    closed.close();
    store = durable();
    return store;
  }

  private EmbeddedPileOnStore durable() {
    try {
      return EmbeddedPileOnStore.durable(1000, dir, System.currentTimeMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aForgottenTargetsProtectionIsGoneFromTheFileNotOnlyFromMemory() throws Exception {
    PileOnStore store = open();
    long now = System.currentTimeMillis();
    store.protect("u_kid", Optional.of(new Protection(ProtectionScope.STRANGERS, now, now + 60_000, false)));
    store.protect("u_kid", Optional.empty());
    store.protect("u_other", Optional.of(new Protection(ProtectionScope.STRANGERS, now, now + 60_000, false)));
    Path file = dir.resolve(ProtectionLog.FILE);
    assertTrue(Files.readString(file).contains("u_kid"), "switched off, still a line of the log");
    store.forget("u_kid");
    String left = Files.readString(file);
    assertTrue(!left.contains("u_kid") && left.contains("u_other"), left);
  }

  @Test
  void aLastLineCutShortByACrashIsDroppedAndTheLogIsCompacted() throws Exception {
    long now = System.currentTimeMillis();
    PileOnStore first = open();
    for (int i = 0; i < 1100; i++) {
      first.protect("t" + (i % 3), Optional.of(new Protection(ProtectionScope.STRANGERS, now, now + 60_000 + i, false)));
    }
    first.close();
    Path log = dir.resolve(ProtectionLog.FILE);
    assertTrue(Files.readAllLines(log).size() < 200, "compacted: " + Files.readAllLines(log).size() + " lines");
    Files.writeString(log, "{\"target\":\"torn\",\"protec", StandardOpenOption.APPEND);
    store = durable();
    assertEquals(Optional.of(new Protection(ProtectionScope.STRANGERS, now, now + 60_000 + 1097, false)),
        store.protection("t2", now + 1));
    assertEquals(Optional.empty(), store.protection("torn", now + 1));
    store.protect("after", Optional.of(new Protection(ProtectionScope.EVERYONE, now, now + 60_000, false)));
    assertEquals(Optional.of(ProtectionScope.EVERYONE),
        restart(store).protection("after", now + 1).map(Protection::scope));
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
