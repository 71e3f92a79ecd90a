package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggingReportListenerTest {

  @Test
  void countsEveryOutcome() {
    LoggingReportListener listener = new LoggingReportListener(System.getLogger("nppa-test"));

    listener.handled(new DeliveryOutcome(
        NppaFixture.logins(3),
        List.of(new Rejection(NppaFixture.login(4), 3005, "BUS COLL BEHAVIOR TIME ERROR")),
        List.of(new Rejection(NppaFixture.login(5), Rejection.NO_ANSWER, "timeout"), new Rejection(NppaFixture.login(6), 9999, "?")),
        3));

    assertEquals(3, listener.deliveredCount());
    assertEquals(1, listener.rejectedCount());
    assertEquals(2, listener.abandonedCount());
    assertFalse(listener.lastBatchUnreachable(), "the NPPA answered part of the batch");
  }

  @Test
  void aBatchGivenUpOnWholeIsUnreachableUntilABatchGetsAnAnswer() {
    LoggingReportListener listener = new LoggingReportListener(System.getLogger("nppa-test"));

    listener.handled(new DeliveryOutcome(List.of(), List.of(),
        List.of(new Rejection(NppaFixture.login(1), Rejection.NO_ANSWER, "connection refused")), 5));
    assertTrue(listener.lastBatchUnreachable());

    listener.handled(new DeliveryOutcome(NppaFixture.logins(1), List.of(), List.of(), 1));
    assertFalse(listener.lastBatchUnreachable());
  }
}
