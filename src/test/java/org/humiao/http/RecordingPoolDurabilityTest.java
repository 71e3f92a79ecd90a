package org.humiao.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.durable.PendingWrites;
import org.humiao.events.SampleEvents;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.journal.JournalOptions;
import org.humiao.server.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answer that journals a violation event leaves only once the journal's writer has written and
 * synced it: the writer is held on a latch (its listener runs after the sync and before the
 * appends complete), and no answer may arrive until the latch is released.
 */
@ExtendWith(VertxExtension.class)
class RecordingPoolDurabilityTest {
  @TempDir
  Path dir;

  @Test
  void noAnswerLeavesBeforeItsEventIsSynced(Vertx vertx) throws Exception {
    AtomicReference<CountDownLatch> writerHeld = new AtomicReference<>(new CountDownLatch(1));
    AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
    Consumer<List<JournalEntry>> holdingWriter = batch -> {
      writerHeld.get().countDown();
      try {
        release.get().await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (Journal journal = Journal.open(JournalOptions.defaults(dir), holdingWriter)) {
      PendingWrites pending = new PendingWrites();
      WorkerPool workers = new WorkerPool("test", vertx.createSharedWorkerExecutor("test-workers", 2), 10, 10_000);
      for (RecordingPool pool : List.of(RecordingPool.onWorkers(workers, journal, pending),
          RecordingPool.onEventLoop("test", journal, pending, 10))) {
        Router router = Router.router(vertx);
        router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
        router.get("/block").handler(ctx -> pool.submit(() -> {
          pool.accept(SampleEvents.numbered(System.nanoTime()));
          return "journaled";
        }).onSuccess(ctx.response()::end).onFailure(ctx::fail));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
            .await(5, TimeUnit.SECONDS);
        Client client = Client.unchecked(vertx, server.actualPort());
        try {
          var answer = client.getAsync("/block", null);
          assertTrue(writerHeld.get().await(5, TimeUnit.SECONDS), "the event never reached the writer");
          Thread.sleep(300);
          assertFalse(answer.isComplete(), "an answer left while its event was not yet written and synced");
          release.get().countDown();
          HttpResponse<Buffer> r = answer.await(5, TimeUnit.SECONDS);
          assertEquals(200, r.statusCode());
          assertEquals("journaled", r.bodyAsString());
        } finally {
          client.close();
          server.close().await(5, TimeUnit.SECONDS);
        }
        // the next pool's round holds the writer again
        writerHeld.set(new CountDownLatch(1));
        release.set(new CountDownLatch(1));
      }
    }
  }

  /**
   * A request run on an event-loop pool made from a pool on workers counts in that pool's in-flight
   * figure until its event is synced and it is answered: the screening in-flight gauge and the
   * semantic tier's yield read it, and they missed these requests before.
   */
  @Test
  void aRequestWaitingOnTheLoopForItsEventCountsInItsParentsInFlight(Vertx vertx) throws Exception {
    CountDownLatch writerHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Consumer<List<JournalEntry>> holdingWriter = batch -> {
      writerHeld.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (Journal journal = Journal.open(JournalOptions.defaults(dir), holdingWriter)) {
      PendingWrites pending = new PendingWrites();
      WorkerPool workers = new WorkerPool("test", vertx.createSharedWorkerExecutor("test-workers", 2), 10, 10_000);
      RecordingPool parent = RecordingPool.onWorkers(workers, journal, pending);
      RecordingPool loop = parent.onEventLoop("test", 10);
      // completed once submit has returned on the loop, which may be after the writer got the event
      CompletableFuture<io.vertx.core.Future<String>> answer = new CompletableFuture<>();
      vertx.runOnContext(v -> answer.complete(loop.submit(() -> {
        loop.accept(SampleEvents.numbered(System.nanoTime()));
        return "journaled";
      })));
      assertTrue(writerHeld.await(5, TimeUnit.SECONDS), "the event never reached the writer");
      assertEquals(1, parent.inFlight(), "the request waiting for its event is not counted");
      release.countDown();
      assertEquals("journaled", answer.get(5, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS));
      assertEquals(0, parent.inFlight());
    }
  }
}
