package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow clients and connection floods over loopback: idle sockets by the thousand, headers and
 * bodies sent a byte at a time. A normal client is still answered meanwhile; the server answers a
 * body that does not arrive within readTimeoutMs with 408, closes kept-alive connections idle for
 * readTimeoutMs and silent ones after idleTimeoutMs, and closes a connection over maxConnections.
 */
@ExtendWith(VertxExtension.class)
class SlowClientTest {
  /** Long enough to open the whole flood before its first connections are closed. */
  private static final int READ_TIMEOUT_MS = 4000;
  private static final int IDLE_TIMEOUT_MS = 3000;
  private static final int FLOOD = 2000;
  /** One whole request, after which the connection is kept alive and left idle. */
  private static final byte[] ONE_REQUEST = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final int SLOW = 20;
  /** How long a test waits for the server to do what it must; a bound, not a measure. */
  private static final long WAIT_MS = 15_000;

  @TempDir
  static Path dir;
  @TempDir
  static Path limitedDir;
  static LocalService service;
  static LocalService limited;
  static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
    service = new LocalService(dir, Map.of(Setting.READ_TIMEOUT_MS, Integer.toString(READ_TIMEOUT_MS),
        Setting.IDLE_TIMEOUT_MS, Integer.toString(IDLE_TIMEOUT_MS)));
    // long timeouts, so that only the limit can close its connections
    limited = new LocalService(limitedDir, Map.of(Setting.MAX_CONNECTIONS, "10", Setting.READ_TIMEOUT_MS, "60000",
        Setting.IDLE_TIMEOUT_MS, "60000"));
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    limited.close();
  }

  @Test
  void floodsAndSlowClientsDoNotStarveANormalClientAndAreClosed() throws Exception {
    List<RawHttp> idle = new ArrayList<>();
    List<RawHttp> slowHeaders = new ArrayList<>();
    List<RawHttp> slowBodies = new ArrayList<>();
    Client client = new Client(vertx, service.port());
    Thread trickle = null;
    try {
      for (int i = 0; i < FLOOD + SLOW; i++) {
        RawHttp s = new RawHttp(service.port(), (int) WAIT_MS);
        // most make one request and then idle on the open connection; some send nothing at all
        if (i < FLOOD) {
          s.send(ONE_REQUEST);
        }
        idle.add(s);
      }
      String head = RawHttp.postHead(Abuse.SCREEN, service.platformKey);
      for (int i = 0; i < SLOW; i++) {
        slowHeaders.add(new RawHttp(service.port(), (int) WAIT_MS));
        slowBodies.add(new RawHttp(service.port(), (int) WAIT_MS).send(head + "Content-Length: 100\r\n\r\n{"));
      }
      trickle = new Thread(() -> trickle(head, slowHeaders, slowBodies), "slow-client");
      trickle.setDaemon(true);
      trickle.start();

      // the flood is held open, and a normal client is answered all the same, again and again
      assertTrue(waitFor(() -> openConnections(client) >= FLOOD), "the flood's connections are open");
      for (int i = 0; i < 10; i++) {
        HttpResponse<Buffer> r = client.post(Abuse.SCREEN, service.platformKey, new JsonObject().put("text", "你好"));
        assertEquals(200, r.statusCode(), r::bodyAsString);
      }

      for (RawHttp slow : slowBodies) {
        String answer = slow.readUntilClosed();
        assertTrue(answer.startsWith("HTTP/1.1 408") && answer.contains("\"request_timeout\""), answer);
      }
      for (RawHttp s : idle) {
        assertTrue(s.closedByServer(), "an idle connection is closed");
      }
    } finally {
      if (trickle != null) {
        trickle.interrupt();
      }
      for (RawHttp s : idle) {
        s.close();
      }
      for (RawHttp s : slowHeaders) {
        s.close();
      }
      for (RawHttp s : slowBodies) {
        s.close();
      }
      client.close();
    }
  }

  @Test
  void aConnectionOverTheLimitIsClosedAtOnceAndTheLimitFreesWithTheConnections() throws Exception {
    Client client = new Client(vertx, limited.port());
    List<RawHttp> held = new ArrayList<>();
    try {
      // the client's own pooled connection counts too
      assertTrue(waitFor(() -> openConnections(client) == 1), "only the client's connection is open");
      for (int i = 1; i < 10; i++) {
        held.add(new RawHttp(limited.port(), (int) WAIT_MS).send(ONE_REQUEST));
      }
      assertTrue(waitFor(() -> openConnections(client) == 10), "the limit is reached");
      try (RawHttp over = new RawHttp(limited.port(), (int) WAIT_MS).send(ONE_REQUEST)) {
        String answer = over.readUntilClosed();
        assertTrue(answer.isEmpty(), answer);
      }
      for (RawHttp h : held) {
        h.close();
      }
      held.clear();
      assertTrue(waitFor(() -> openConnections(client) == 1), "closed connections free their places");
      try (RawHttp fresh = new RawHttp(limited.port(), (int) WAIT_MS)) {
        String answer = fresh.send("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readUntilClosed();
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      }
    } finally {
      for (RawHttp h : held) {
        h.close();
      }
      client.close();
    }
  }

  /** One byte of each slow request every 100 ms, until the server closes it or the test ends. */
  private static void trickle(String head, List<RawHttp> headers, List<RawHttp> bodies) {
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    try {
      for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
        for (RawHttp h : headers) {
          sendQuietly(h, new byte[] {headBytes[i % headBytes.length]});
        }
        for (RawHttp b : bodies) {
          sendQuietly(b, new byte[] {' '});
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sendQuietly(RawHttp raw, byte[] bytes) {
    try {
      raw.send(bytes);
    } catch (IOException e) {
      // closed by the server: what the test waits for
    }
  }

  private static long openConnections(Client client) {
    String metrics = client.get("/metrics", null).bodyAsString();
    return metrics.lines().filter(l -> l.startsWith("humiao_http_connections_open "))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
        .orElseThrow(() -> new AssertionError("no humiao_http_connections_open in /metrics"));
  }

  private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return true;
  }
}
