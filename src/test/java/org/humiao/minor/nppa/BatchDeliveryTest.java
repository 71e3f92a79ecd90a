package org.humiao.minor.nppa;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchDeliveryTest {

  private final NppaFixture fixture = NppaFixture.create();
  private FakeNppaServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = NppaFixture.server();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void deliversABatchInOneCall() throws Exception {
    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 3).deliver(NppaFixture.logins(5));

    assertEquals(NppaFixture.logins(5), outcome.delivered());
    assertEquals(1, outcome.attempts());
    assertEquals(List.of(5), server.batchSizes());
    assertEquals(NppaFixture.logins(5).stream().map(BehaviourRecord::toJson).toList(), server.accepted());
    assertTrue(fixture.sleeps.isEmpty());
  }

  @Test
  void retriesRetryableAnswersWithGrowingPausesThenSucceeds() throws Exception {
    server.answerNext(1, NppaCode.SYS_ERROR);
    server.answerNext(1, NppaCode.SYS_REQ_BUSY_ERROR);

    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 5).deliver(NppaFixture.logins(4));

    assertEquals(4, outcome.delivered().size());
    assertEquals(3, outcome.attempts());
    assertEquals(List.of(1001, 1006, 0), server.answeredCodes());
    assertEquals(4, server.accepted().size(), "each record accepted exactly once");
    assertEquals(2, fixture.sleeps.size());
    // jitter keeps each pause in [cap/2, cap]: 100 ms then 200 ms caps
    assertTrue(fixture.sleeps.get(0).toMillis() >= 50 && fixture.sleeps.get(0).toMillis() <= 100);
    assertTrue(fixture.sleeps.get(1).toMillis() >= 100 && fixture.sleeps.get(1).toMillis() <= 200);
  }

  @Test
  void doesNotRetryANonRetryableAnswer() throws Exception {
    server.answerNext(1, NppaCode.SYS_REQ_PARAM_CHECK_ERROR);

    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 5).deliver(NppaFixture.logins(3));

    assertEquals(3, outcome.rejected().size());
    assertTrue(outcome.rejected().stream().allMatch(r -> r.errcode() == 1012));
    assertEquals(1, outcome.attempts());
    assertEquals(List.of(1012), server.answeredCodes());
    assertTrue(fixture.sleeps.isEmpty());
  }

  @Test
  void aWrongSecretIsASignErrorAndNotRetried() throws Exception {
    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 5, "00112233445566778899aabbccddeeff").deliver(NppaFixture.logins(2));

    assertEquals(List.of(1011, 1011), outcome.rejected().stream().map(Rejection::errcode).toList());
    assertEquals(List.of(1011), server.answeredCodes());
  }

  @Test
  void resendsOnlyTheItemsThatFailedRetryably() throws Exception {
    server.answerItemNext(2, NppaCode.SYS_ERROR);

    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 3).deliver(NppaFixture.logins(3));

    assertEquals(3, outcome.delivered().size());
    assertEquals(List.of(3, 1), server.batchSizes());
    assertEquals(NppaFixture.login(2).toJson(), server.accepted().get(2));
  }

  @Test
  void dropsItemsTheNppaRefusesAndKeepsTheRest() throws Exception {
    BehaviourRecord stale = BehaviourRecord.authenticated("old", BehaviourType.LOGIN, NppaFixture.CLOCK.instant().minusSeconds(600), NppaFixture.TEST_PI);

    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 3).deliver(List.of(NppaFixture.login(1), stale, NppaFixture.login(3)));

    assertEquals(List.of(NppaFixture.login(1), NppaFixture.login(3)), outcome.delivered());
    assertEquals(List.of(new Rejection(stale, 3005, "BUS COLL BEHAVIOR TIME ERROR")), outcome.rejected());
    assertEquals(1, outcome.attempts());
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    server.answerNext(10, NppaCode.SYS_ERROR);

    DeliveryOutcome outcome = fixture.delivery(server.endpoint(), 3).deliver(NppaFixture.logins(2));

    assertEquals(2, outcome.abandoned().size());
    assertEquals(3, outcome.attempts());
    assertEquals(List.of(1001, 1001, 1001), server.answeredCodes());
    assertEquals(2, fixture.sleeps.size(), "no pause after the last attempt");
  }

  @Test
  void anUnreachableServerIsRetriedThenGivenUp() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    DeliveryOutcome outcome = fixture.delivery(URI.create("http://127.0.0.1:" + freePort + "/"), 2).deliver(NppaFixture.logins(1));

    assertEquals(1, outcome.abandoned().size());
    assertEquals(Rejection.NO_ANSWER, outcome.abandoned().get(0).errcode());
    assertEquals(2, outcome.attempts());
  }
}
