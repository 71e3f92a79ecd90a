package org.humiao.http.guard;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.http.FailureHandler;
import org.humiao.http.RequestIds;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyRing;
import org.humiao.keys.Role;
import org.humiao.server.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One key's requests beyond its share wait for none: they are refused, and another key's still run. */
@ExtendWith(VertxExtension.class)
class KeyConcurrencyTest {
  @Test
  void aKeyRunsAtMostItsShareAtOnceAndOthersAreNotHeldUp(Vertx vertx) throws Exception {
    KeyIssuer issuer = new KeyIssuer(new SecureRandom(), Clock.systemUTC());
    IssuedKey busy = issuer.issue(Role.REGULATOR, null);
    IssuedKey other = issuer.issue(Role.REGULATOR, null);
    KeyRing ring = new KeyRing(List.of(busy.stored(), other.stored()));
    ConcurrentLinkedQueue<Promise<Void>> held = new ConcurrentLinkedQueue<>();
    Router router = Router.router(vertx);
    router.route().handler(new RequestIds()).failureHandler(new FailureHandler());
    router.get("/read").handler(new Authenticator(() -> ring)).handler(new KeyConcurrency(2)).handler(ctx -> {
      Promise<Void> release = Promise.promise();
      held.add(release);
      release.future().onComplete(done -> ctx.response().end("ok"));
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .await(5, TimeUnit.SECONDS);
    Client client = Client.unchecked(vertx, server.actualPort());
    try {
      List<io.vertx.core.Future<HttpResponse<Buffer>>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(client.getAsync("/read", busy.secret()));
      }
      waitFor(() -> held.size() == 2);
      Client.assertError(client.get("/read", busy.secret()), 429, "rate_limited");
      running.add(client.getAsync("/read", other.secret()));
      waitFor(() -> held.size() == 3);
      held.forEach(Promise::complete);
      for (io.vertx.core.Future<HttpResponse<Buffer>> r : running) {
        assertEquals(200, r.await(5, TimeUnit.SECONDS).statusCode());
      }
      // the share is given back when an answer ends
      io.vertx.core.Future<HttpResponse<Buffer>> again = client.getAsync("/read", busy.secret());
      waitFor(() -> held.size() == 4);
      held.forEach(Promise::tryComplete);
      assertEquals(200, again.await(5, TimeUnit.SECONDS).statusCode());
    } finally {
      client.close();
      server.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
