package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NppaCodeTest {

  @Test
  void onlySystemErrorsRateLimitAndExpiryAreRetried() {
    Set<Integer> retryable = Arrays.stream(NppaCode.values()).filter(NppaCode::retryable).map(NppaCode::code).collect(Collectors.toSet());

    assertEquals(Set.of(1001, 1006, 1007, 4001), retryable);
  }

  @Test
  void codesAreUniqueAndLookedUp() {
    for (NppaCode code : NppaCode.values()) {
      assertEquals(code, NppaCode.of(code.code()).orElseThrow());
    }
    assertTrue(NppaCode.isRetryable(1006));
    assertFalse(NppaCode.isRetryable(1011));
    assertFalse(NppaCode.isRetryable(3005));
    assertFalse(NppaCode.isRetryable(9999), "an unknown code is not retried");
  }
}
