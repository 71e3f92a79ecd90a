package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;
import org.humiao.keys.ApiKey;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.Role;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A key's characters in flight: many small texts fit, costly ones wait their turn, other keys have their own share. */
class KeyCharsInFlightTest {
  private static final KeyIssuer ISSUER = new KeyIssuer(new SecureRandom(), Clock.systemUTC());

  private static ApiKey key(String platform) {
    return ISSUER.issue(Role.PLATFORM, platform).stored();
  }

  @Test
  void costlyTextsRunAtMostTheShareAtOnceAndSmallOnesFit() {
    KeyCharsInFlight share = new KeyCharsInFlight(10_000);
    ApiKey busy = key("busy");
    KeyCharsInFlight.Share first = share.acquire(busy, 5000);
    KeyCharsInFlight.Share second = share.acquire(busy, 5000);
    ApiError refused = assertThrows(ApiError.class, () -> share.acquire(busy, 5000));
    assertEquals(ErrorCode.RATE_LIMITED, refused.code());
    assertThrows(ApiError.class, () -> share.acquire(busy, 1), "the share is full");
    share.acquire(key("other"), 5000).close();
    first.close();
    share.acquire(busy, 5000).close();
    second.close();
    for (int i = 0; i < 600; i++) {
      share.acquire(busy, 15); // six hundred chat lines at once, never closed here
    }
  }

  @Test
  void aRequestAloneIsAdmittedWhateverItsSize() {
    KeyCharsInFlight share = new KeyCharsInFlight(10_000);
    ApiKey key = key("big");
    KeyCharsInFlight.Share big = share.acquire(key, 50_000);
    assertThrows(ApiError.class, () -> share.acquire(key, 10));
    big.close();
    share.acquire(key, 10).close();
  }
}
