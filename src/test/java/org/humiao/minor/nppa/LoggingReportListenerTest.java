package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  }
}
