package org.humiao.minor.nppa;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BehaviourReporterTest {

  @TempDir
  Path dir;

  private final NppaFixture fixture = NppaFixture.create();
  private final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
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
  void sendsAtMost128PerCall() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      BehaviourReporter reporter = reporter(outbox);
      // appended before the sender starts, so the batching is deterministic
      reporter.reportAll(NppaFixture.logins(300)).get(5, TimeUnit.SECONDS);
      reporter.start();

      NppaFixture.awaitTrue(() -> outbox.pendingCount() == 0, "all 300 committed");
      reporter.close();

      assertEquals(List.of(128, 128, 44), server.batchSizes());
      assertEquals(NppaFixture.logins(300).stream().map(BehaviourRecord::toJson).toList(), server.accepted());
      assertEquals(300, outcomes.stream().mapToInt(o -> o.delivered().size()).sum());
    }
  }

  @Test
  void recordsReportedBeforeACrashAreSentOnceAfterRestart() throws Exception {
    FileOutbox beforeCrash = FileOutbox.open(dir);
    BehaviourReporter crashed = reporter(beforeCrash);
    crashed.reportAll(NppaFixture.logins(5)).get(5, TimeUnit.SECONDS);
    // crash: never started, nothing committed, outbox never closed

    try (FileOutbox outbox = FileOutbox.open(dir)) {
      BehaviourReporter restarted = reporter(outbox);
      restarted.start();
      NppaFixture.awaitTrue(() -> outbox.pendingCount() == 0, "replayed records committed");
      restarted.close();
    }
    try (FileOutbox again = FileOutbox.open(dir)) {
      assertEquals(0, again.pendingCount());
    }

    assertEquals(NppaFixture.logins(5).stream().map(BehaviourRecord::toJson).toList(), server.accepted());
    assertEquals(List.of(5), server.batchSizes());
  }

  @Test
  void rejectedRecordsAreReportedAndLeaveTheOutbox() throws Exception {
    server.answerNext(1, NppaCode.SYS_REQ_PARAM_CHECK_ERROR);
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      BehaviourReporter reporter = reporter(outbox);
      reporter.start();
      reporter.report(NppaFixture.login(1)).get(5, TimeUnit.SECONDS);
      NppaFixture.awaitTrue(() -> outbox.pendingCount() == 0, "rejected record committed");
      reporter.report(NppaFixture.login(2)).get(5, TimeUnit.SECONDS);
      NppaFixture.awaitTrue(() -> outbox.pendingCount() == 0, "second record committed");
      reporter.close();
    }

    assertEquals(List.of(new Rejection(NppaFixture.login(1), 1012, "SYS REQ PARAM CHECK ERROR")), outcomes.get(0).rejected());
    assertEquals(List.of(NppaFixture.login(2)), outcomes.get(1).delivered());
  }

  @Test
  void aClosedReporterRefusesRecords() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      BehaviourReporter reporter = reporter(outbox);
      reporter.close();

      assertEquals(IllegalStateException.class,
          reporter.report(NppaFixture.login(1)).handle((ok, failure) -> failure.getClass()).get(5, TimeUnit.SECONDS));
    }
  }

  private BehaviourReporter reporter(FileOutbox outbox) {
    return new BehaviourReporter(outbox, fixture.delivery(server.endpoint(), 3), NppaConfig.MAX_BATCH, outcomes::add);
  }
}
