package org.humiao.moderation.strategy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link StrategyChoiceStore} does, so the embedded and the Redis store stay
 * interchangeable: each implementation's test class opens stores over one place (a data dir, a
 * Redis key prefix) as a restart or a second instance would.
 */
abstract class StrategyChoiceStoreContract {
  private final List<StrategyChoiceStore> opened = new ArrayList<>();

  /** A new store over this test's place: what a restart (or, for Redis, another instance) opens. */
  protected abstract StrategyChoiceStore openStore();

  protected StrategyChoiceStore open() {
    StrategyChoiceStore store = openStore();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() throws Exception {
    for (StrategyChoiceStore store : opened) {
      store.close();
    }
  }

  @Test
  void nothingChosenIsAnEmptyMap() {
    assertEquals(Map.of(), open().read());
  }

  @Test
  void aChoiceIsReadBackByTheStoreAndByTheNextOneOverThePlace() {
    StrategyChoiceStore store = open();
    store.write("demo", "strict");
    store.write("其他平台/../x", "standard");
    Map<String, String> expected = Map.of("demo", "strict", "其他平台/../x", "standard");
    assertEquals(expected, store.read());
    assertEquals(expected, open().read());
  }

  @Test
  void aLaterChoiceReplacesTheEarlierOneOfItsPlatformOnly() {
    StrategyChoiceStore store = open();
    store.write("demo", "strict");
    store.write("other", "strict");
    store.write("demo", "standard");
    assertEquals(Map.of("demo", "standard", "other", "strict"), store.read());
    assertEquals(Map.of("demo", "standard", "other", "strict"), open().read());
  }
}
