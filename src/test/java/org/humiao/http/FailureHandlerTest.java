package org.humiao.http;

import org.humiao.server.Client;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.durable.GroupCommit;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bug in a handler is a 500 with a generic message naming the request id, never a stack trace. */
@ExtendWith(VertxExtension.class)
class FailureHandlerTest {
  @Test
  void anUnexpectedExceptionIsAnInternalErrorWithTheRequestId(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
    router.get("/bug").handler(ctx -> {
      throw new IllegalStateException("secret detail of the bug");
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    Client client = Client.unchecked(vertx, server.actualPort());
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(FailureHandler.class);
    lines.start();
    logger.addAppender(lines);
    try {
      HttpResponse<Buffer> r = client.get("/bug", null);
      String message = Client.assertError(r, 500, "internal").getString("message");
      assertTrue(message.contains(r.getHeader(RequestIds.HEADER)), message);
      assertFalse(r.bodyAsString().contains("secret detail") || r.bodyAsString().contains("IllegalStateException"));
      // the log line carries the id as a field of its own, for the JSON log's readers
      assertTrue(lines.list.stream().anyMatch(e -> e.getKeyValuePairs() != null && e.getKeyValuePairs().stream()
          .anyMatch(kv -> kv.key.equals("requestId") && r.getHeader(RequestIds.HEADER).equals(kv.value))), lines.list::toString);
    } finally {
      logger.detachAppender(lines);
      client.close();
      server.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFullWriteQueueIsOverloadedWithRetryAfter(Vertx vertx) throws Exception {
    CountDownLatch diskStalled = new CountDownLatch(1);
    GroupCommit<Integer, Integer> log = new GroupCommit<>("test-log", Path.of(System.getProperty("java.io.tmpdir")), items -> {
      try {
        diskStalled.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return items;
    }, 1, 1);
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
    // as a write's refusal reaches a route: the future of a full queue, failed and wrapped
    router.get("/write").handler(ctx -> {
      CompletableFuture<Integer> refused = null;
      for (int i = 0; i < 3 && refused == null; i++) {
        CompletableFuture<Integer> write = log.submit(i);
        refused = write.isCompletedExceptionally() ? write : null;
      }
      refused.thenApply(v -> v).whenComplete((v, failure) -> ctx.fail(failure));
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    Client client = Client.unchecked(vertx, server.actualPort());
    try {
      HttpResponse<Buffer> r = client.get("/write", null);
      Client.assertError(r, 503, "overloaded");
      assertEquals("1", r.getHeader("Retry-After"));
    } finally {
      diskStalled.countDown();
      log.close();
      client.close();
      server.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFullDiskIsStorageFullWithRetryAfter(Vertx vertx) throws Exception {
    GroupCommit<Integer, Integer> log = new GroupCommit<>("test-log", Path.of(System.getProperty("java.io.tmpdir")),
        items -> {
          throw new IOException("No space left on device");
        }, 1, 1);
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
    // as a failed write reaches a route: its future, failed and wrapped
    router.get("/write").handler(ctx -> log.submit(1).thenApply(v -> v).whenComplete((v, failure) -> ctx.fail(failure)));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    Client client = Client.unchecked(vertx, server.actualPort());
    try {
      HttpResponse<Buffer> r = client.get("/write", null);
      Client.assertError(r, 503, "storage_full");
      assertEquals("5", r.getHeader("Retry-After"));
    } finally {
      log.close();
      client.close();
      server.close().await(5, TimeUnit.SECONDS);
    }
  }
}
