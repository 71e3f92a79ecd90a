package org.humiao.minor.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minor-mode store's blocking connections: answers read as Redis wrote them, an error answer
 * failing the call but not the connection, a connection Redis closed while idle replaced without
 * failing the call, and a Redis that does not answer failing the call within the timeout.
 */
@ExtendWith(SharedRedis.Extension.class)
class RespPoolTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void answersAreReadAsRedisWroteThem(SharedRedis redis) {
    try (RespPool pool = RespPool.open(redis.uri(), TIMEOUT)) {
      Reply mixed = pool.call(List.of("EVAL", "return {1, ARGV[1], false, {2, 'x'}, ''}", "0", "护苗 ok"));
      assertEquals(5, mixed.size());
      assertEquals(Reply.Kind.NUMBER, mixed.get(0).kind());
      assertEquals(1, mixed.get(0).toLong());
      assertEquals("护苗 ok", mixed.get(1).toString());
      assertNull(mixed.get(2), "Lua's false is nil");
      assertEquals(2, mixed.get(3).get(0).toInteger());
      assertEquals("x", mixed.get(3).get(1).toString());
      assertEquals("", mixed.get(4).toString());
      // longer than the connection's buffers, both ways
      String longText = "护苗".repeat(10_000);
      assertEquals(longText, pool.call(List.of("EVAL", "return ARGV[1]", "0", longText)).toString());
      assertNull(pool.call(List.of("GET", "humiao-test-" + UUID.randomUUID() + ":absent")));
      assertEquals(Reply.Kind.STATUS, pool.call(List.of("PING")).kind());
      assertEquals("PONG", pool.call(List.of("PING")).toString());
    }
  }

  @Test
  void anErrorAnswerFailsTheCallAndKeepsTheConnection(SharedRedis redis) {
    try (RespPool pool = RespPool.open(redis.uri(), TIMEOUT)) {
      long id = pool.call(List.of("CLIENT", "ID")).toLong();
      StateUnavailableException failed = assertThrows(StateUnavailableException.class,
          () -> pool.call(List.of("EVALSHA", "0000000000000000000000000000000000000000", "0")));
      assertInstanceOf(RespConnection.ErrorReply.class, failed.getCause());
      assertTrue(failed.getCause().getMessage().startsWith("NOSCRIPT"), failed.getCause().getMessage());
      assertEquals(id, pool.call(List.of("CLIENT", "ID")).toLong(), "the connection was dropped after an error answer");
    }
  }

  @Test
  void aConnectionRedisClosedWhileIdleIsReplacedAndTheCommandAnswered(SharedRedis redis) {
    try (RespPool pool = RespPool.open(redis.uri(), TIMEOUT); RespPool other = RespPool.open(redis.uri(), TIMEOUT)) {
      long id = pool.call(List.of("CLIENT", "ID")).toLong();
      // as a Redis restart, or its idle-client timeout, would
      assertEquals(1, other.call(List.of("CLIENT", "KILL", "ID", String.valueOf(id))).toLong());

      assertEquals("PONG", pool.call(List.of("PING")).toString());
      assertNotEquals(id, pool.call(List.of("CLIENT", "ID")).toLong());
    }
  }

  @Test
  void aRedisThatDoesNotAnswerFailsTheCallWithinTheTimeout() throws Exception {
    // connections are taken into its backlog and never read
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
         RespPool pool = RespPool.open("redis://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300))) {
      long start = System.nanoTime();
      StateUnavailableException failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThrows(StateUnavailableException.class, () -> pool.call(List.of("PING"))));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(failed.getMessage().contains("did not answer within"), failed.getMessage());
      assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
          "took " + took);
    }
  }

  @Test
  void theAddressesDatabaseIsSelected(SharedRedis redis) {
    try (RespPool pool = RespPool.open(redis.uri() + "/3", TIMEOUT)) {
      assertTrue(pool.call(List.of("CLIENT", "INFO")).toString().contains(" db=3 "));
    }
  }

  @Test
  void anAddressNamesItsUserPasswordAndDatabase() {
    assertEquals(new RedisAddress("h", 6380, false, "u", "p@ss", 2), RedisAddress.parse("redis://u:p%40ss@h:6380/2"));
    assertEquals(new RedisAddress("h", 6379, false, null, "secret", 0), RedisAddress.parse("redis://:secret@h"));
    assertEquals(new RedisAddress("h", 6379, false, null, null, 0), RedisAddress.parse("redis://h/"));
    assertEquals(new RedisAddress("h", 6380, true, null, null, 0), RedisAddress.parse("rediss://h:6380"));
    assertThrows(IllegalArgumentException.class, () -> RedisAddress.parse("http://h:6380"));
    assertTrue(!RedisAddress.parse("redis://u:secret@h").toString().contains("secret"));
  }
}
