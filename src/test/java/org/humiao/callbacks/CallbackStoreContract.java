package org.humiao.callbacks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every callback store does, run against each ({@link FileCallbackStoreTest},
 * {@link RedisCallbackStoreTest}): a registration is read back by another store opened on the same
 * place (another instance, or the same one after a restart), replaced whole, kept apart per
 * platform, and removed.
 */
abstract class CallbackStoreContract {
  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

  /** A store on the test's place; each call opens another one on the same place. */
  protected abstract CallbackStore open() throws Exception;

  private static Callback callback(String url, String secret) {
    return new Callback(url, secret, T0, T0.minusSeconds(60));
  }

  @Test
  void aRegistrationIsReadBackByAnotherStoreOnTheSamePlace() throws Exception {
    CallbackStore one = open();
    assertEquals(Optional.empty(), one.get("a"));
    one.put("a", callback("https://a.example/hook", "s1"));
    one.put("b", callback("http://b.example:8080/x?y=1", "s2"));
    CallbackStore two = open();
    assertEquals(Optional.of(callback("https://a.example/hook", "s1")), two.get("a"));
    assertEquals(Optional.of(callback("http://b.example:8080/x?y=1", "s2")), two.get("b"));
    assertEquals(Optional.empty(), two.get("c"));
  }

  @Test
  void aRegistrationIsReplacedWholeAndRemovedOnce() throws Exception {
    CallbackStore store = open();
    store.put("a", callback("https://a.example/old", "s1"));
    store.put("a", callback("https://a.example/new", "s2"));
    assertEquals(Optional.of(callback("https://a.example/new", "s2")), open().get("a"));
    assertTrue(store.delete("a"));
    assertFalse(store.delete("a"));
    assertEquals(Optional.empty(), open().get("a"));
  }
}
