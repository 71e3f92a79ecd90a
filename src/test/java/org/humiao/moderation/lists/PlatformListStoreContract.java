package org.humiao.moderation.lists;

import org.humiao.screening.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PlatformListStore} does, so the embedded and the Redis store stay
 * interchangeable: each implementation's test class opens stores over one place (a data dir, a
 * Redis key prefix) as separate instances or restarts would.
 */
abstract class PlatformListStoreContract {
  private static final ListLimits LIMITS = new ListLimits(5000, 64);
  private final List<PlatformListStore> opened = new ArrayList<>();

  /** A new store over this test's place: what a second instance, or a restart, opens. */
  protected abstract PlatformListStore openStore();

  /**
   * The store a second service instance uses beside {@code first}: a store of its own where the
   * backend is shared (Redis); {@code first} itself where one process owns the place (a data dir).
   */
  protected abstract PlatformListStore secondInstance(PlatformListStore first);

  private PlatformListStore open() {
    PlatformListStore store = openStore();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() throws Exception {
    for (PlatformListStore store : opened) {
      store.close();
    }
  }

  private static PlatformEntries lists(String platform, long version, int terms) {
    List<BlockEntry> block = IntStream.range(0, terms)
        .mapToObj(i -> new BlockEntry("外挂" + i + ":b:" + i, Category.FRAUD, 1 + i % 4, i % 2 == 0)).toList();
    return new PlatformEntries(platform, version, block, List.of("王者峡谷", "a:b 产品名"));
  }

  @Test
  void aPlatformWithoutListsIsVersionZeroAndEmpty() {
    PlatformListStore store = open();
    assertEquals(PlatformEntries.none("nobody"), store.read("nobody"));
    assertFalse(store.versions().containsKey("nobody"));
  }

  @Test
  void whatIsWrittenIsReadBackByAnotherInstanceAndAfterARestart() throws Exception {
    PlatformListStore one = open();
    PlatformEntries written = lists("game:1", 1, 30);
    assertTrue(one.write(written));
    assertEquals(written, one.read("game:1"));
    assertEquals(1L, one.versions().get("game:1"));
    one.close();
    opened.remove(one);
    PlatformListStore restarted = open();
    assertEquals(written, restarted.read("game:1"));
    assertEquals(1L, restarted.versions().get("game:1"));
    assertEquals(PlatformEntries.none("game:2"), restarted.read("game:2"));
  }

  @Test
  void aWriteOnAStaleVersionChangesNothing() {
    PlatformListStore store = open();
    assertTrue(store.write(lists("p", 1, 3)));
    assertFalse(store.write(lists("p", 1, 5)), "a second version 1");
    assertFalse(store.write(lists("p", 3, 5)), "a version that skips one");
    assertEquals(lists("p", 1, 3), store.read("p"));
    assertTrue(store.write(lists("p", 2, 0)));
    assertEquals(lists("p", 2, 0), store.read("p"));
  }

  @Test
  void aFullListIsStoredWhole() {
    PlatformListStore store = open();
    PlatformEntries full = lists("big", 1, LIMITS.maxEntries());
    assertTrue(store.write(full));
    assertEquals(full, open().read("big"));
  }

  @Test
  void concurrentChangesFromTwoInstancesAreEachAppliedOnce() throws Exception {
    PlatformListStore first = open();
    PlatformListStore second = secondInstance(first);
    opened.add(second);
    PlatformLists a = new PlatformLists(first, LIMITS);
    PlatformLists b = new PlatformLists(second, LIMITS);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<PlatformEntries>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        PlatformLists instance = i % 2 == 0 ? a : b;
        io.vertx.core.json.JsonArray add = new io.vertx.core.json.JsonArray().add("短语" + i);
        done.add(pool.submit(() -> instance.change("shared", ListEdit.patch(ListKind.ALLOW, add,
            new io.vertx.core.json.JsonArray(), LIMITS))));
      }
      for (Future<PlatformEntries> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    PlatformEntries last = second.read("shared");
    assertEquals(40, last.version());
    assertEquals(40, last.allow().size());
  }
}
