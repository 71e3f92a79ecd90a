package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.stream.SharedKafka;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.humiao.server.PlatformListsHttpTest.CHEAT;
import static org.humiao.server.PlatformListsHttpTest.PRODUCT;
import static org.humiao.server.PlatformListsHttpTest.awaitDecision;
import static org.humiao.server.PlatformListsHttpTest.entries;
import static org.humiao.server.PlatformListsHttpTest.ok;
import static org.humiao.server.PlatformListsHttpTest.path;
import static org.humiao.server.PlatformListsHttpTest.send;
import static org.humiao.server.PlatformListsHttpTest.term;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances in the cluster profile on one Redis: a platform's list changed through one is
 * read back and applied to screening by the other within 5 s, without a restart.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class ClusterListsHttpTest {
  @TempDir
  Path dir;

  @Test
  void aChangeThroughOneInstanceTakesEffectOnTheOtherWithinSeconds(Vertx vertx, SharedKafka kafka, SharedRedis redis)
      throws Exception {
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, "lists-test-" + UUID.randomUUID() + ":",
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "cluster-lists-" + UUID.randomUUID(),
        Setting.SHARED_DIR, Files.createDirectories(dir.resolve("shared")).toString());
    try (LocalService first = new LocalService(dir.resolve("one"), cluster, java.time.Clock.systemUTC(), null);
         LocalService second = new LocalService(dir.resolve("two"), cluster, java.time.Clock.systemUTC(), first);
         Client one = new Client(vertx, first.port());
         Client two = new Client(vertx, second.port())) {
      String key = first.platformKey;
      assertEquals("pass", PlatformListsHttpTest.screen(two, key, CHEAT).getString("decision"));

      JsonObject put = ok(send(one, HttpMethod.PUT, path(LocalService.PLATFORM, "block"), key,
          entries(term("科技大师", "fraud", 3, true))));
      long blockMs = awaitDecision(two, key, CHEAT, "block");
      assertEquals(put, ok(two.get(path(LocalService.PLATFORM, "block"), key)), "the other instance reads the same version");

      JsonObject allowed = ok(send(one, HttpMethod.PATCH, path(LocalService.PLATFORM, "allow"), key,
          new JsonObject().put("add", new JsonArray().add("傻逼大作战"))));
      assertEquals(put.getLong("version") + 1, allowed.getLong("version"));
      long allowMs = awaitDecision(two, key, PRODUCT, "pass");
      System.out.println("on the other instance: block term after " + blockMs + " ms, allow phrase after " + allowMs + " ms");
      // and only for that platform, on either instance
      assertEquals("pass", PlatformListsHttpTest.screen(two, first.otherPlatformKey, CHEAT).getString("decision"));

      // a change through the second instance reaches the first
      ok(send(two, HttpMethod.DELETE, path(LocalService.PLATFORM, "block"), key, null));
      awaitDecision(one, key, CHEAT, "pass");
    }
  }
}
