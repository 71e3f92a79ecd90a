package org.humiao.privacy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link PrivacyLog} does, against the file and Redis alike: each implementation's test
 * class extends this, puts a fresh, empty log in {@link #log} and opens the same requests again (a
 * restart of the file, another instance on Redis).
 */
abstract class PrivacyLogContract {
  static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

  PrivacyLog log;

  /** The same requests through a new log; the test class closes it. */
  abstract PrivacyLog reopen() throws Exception;

  private static PrivacyRequest received(String id, RequestKind kind) {
    return PrivacyRequest.received(id, new NewRequest("plat-a", "530502", "kid-1", kind, Requester.GUARDIAN, "by phone"),
        T0);
  }

  @Test
  void theLatestStateOfEachRequestIsKeptAndReadBackElsewhere() throws Exception {
    PrivacyRequest first = received("r1", RequestKind.DELETE);
    log.put(first);
    PrivacyRequest done = first.outcome(RequestStatus.COMPLETED, T0.plusSeconds(3), 5,
        List.of(Kept.TODAYS_PLAY, Kept.EVENTS));
    log.put(done);
    log.put(received("r2", RequestKind.CORRECT).outcome(RequestStatus.FAILED, T0.plusSeconds(1), 0, List.of()));
    log.put(received("r3", RequestKind.DELETE).outcome(RequestStatus.COMPLETED, T0.plusSeconds(9), 1, List.of()));
    log.put(received("r4", RequestKind.DELETE));

    PrivacyLog other = reopen();
    assertEquals(done, other.find("r1").orElseThrow());
    assertTrue(other.find("r9").isEmpty());
    assertEquals(4, other.all().size());
    PrivacyCounts counts = PrivacyCounts.of(other.all());
    assertEquals(4, counts.total());
    assertEquals(Map.of(RequestStatus.RECEIVED, 1, RequestStatus.COMPLETED, 2, RequestStatus.FAILED, 0),
        counts.counts().get(RequestKind.DELETE));
    assertEquals(Map.of(RequestStatus.RECEIVED, 0, RequestStatus.COMPLETED, 0, RequestStatus.FAILED, 1),
        counts.counts().get(RequestKind.CORRECT));
    assertEquals(6.0, counts.meanSecondsToComplete());
    assertEquals(9L, counts.maxSecondsToComplete());
    assertTrue(!other.all().toString().contains("kid-1"), "the record never holds the user id");
  }
}
