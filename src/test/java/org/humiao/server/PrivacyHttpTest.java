package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.humiao.config.Setting;
import org.humiao.events.stream.SharedKafka;
import org.humiao.minor.store.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.humiao.server.Client.ok;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data-rights requests over HTTP, in both profiles: a guardian's deletion leaves no trace of the
 * user id, the ID number or the birth date in the data dir (and Redis), the daily quota still
 * refuses the minor once attested again, the user's appeal keeps neither text nor id, and roles and
 * errors answer as the spec says.
 */
@ExtendWith({VertxExtension.class, SharedKafka.Extension.class, SharedRedis.Extension.class})
class PrivacyHttpTest {
  /** A Wednesday, 15:00 in Beijing: no curfew, streaming's quota is an hour for a twelve-year-old. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T07:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate BIRTH = LocalDate.of(2014, 3, 11);
  private static final String USER = "kid-8842";
  /** Abuse the user writes; its masked copy keeps {@link #PILED_ON_KEPT}, which nothing else holds. */
  private static final String PILED_ON = "你个傻*逼，长颈鹿班长";
  private static final String PILED_ON_KEPT = "长颈鹿班长";
  /** The clock stands still, and evidence is read up to (not including) its end: a second on. */
  private static final String EVIDENCE_TO = "?to=" + CLOCK.instant().plusSeconds(1);

  @TempDir
  Path dir;

  @Test
  void embedded(Vertx vertx) throws Exception {
    try (LocalService service = new LocalService(dir, Map.of(), CLOCK, null);
         Client client = new Client(vertx, service.port())) {
      deletionForgetsTheUserAndKeepsTheLimits(service, client, () -> files(dir.resolve("data")));
      rolesAndErrors(service, client);
    }
  }

  @Test
  void cluster(Vertx vertx, SharedKafka kafka, SharedRedis redis) throws Exception {
    String prefix = "privacy-test-" + UUID.randomUUID() + ":";
    Map<Setting, String> cluster = Map.of(
        Setting.PROFILE, "cluster",
        Setting.REDIS_URI, redis.uri(),
        Setting.REDIS_PREFIX, prefix,
        Setting.KAFKA_BOOTSTRAP, kafka.bootstrap(),
        Setting.KAFKA_TOPIC, "privacy-" + UUID.randomUUID());
    Redis reader = Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.uri()));
    try (LocalService service = new LocalService(dir, cluster, CLOCK, null);
         Client client = new Client(vertx, service.port())) {
      deletionForgetsTheUserAndKeepsTheLimits(service, client,
          () -> files(dir.resolve("data")) + redisDump(reader, prefix));
    } finally {
      reader.close();
    }
  }

  /** What the service stored, as text to search. */
  @FunctionalInterface
  interface Stored {
    String read() throws Exception;
  }

  private static void deletionForgetsTheUserAndKeepsTheLimits(LocalService service, Client client, Stored stored)
      throws Exception {
    String idNumber = ResidentIds.residentId(BIRTH);
    JsonObject attest = new JsonObject().put("user", USER).put("kind", "resident-id").put("idNumber", idNumber);
    assertTrue(ok(client.post("/v1/attestations", service.platformKey, attest)).getBoolean("minor"));
    JsonObject play = new JsonObject().put("user", USER).put("session", "s1").put("service", "streaming");
    assertTrue(ok(client.post("/v1/play/authorize", service.platformKey, play)).getBoolean("allowed"));
    long now = CLOCK.instant().getEpochSecond();
    ok(client.post("/v1/play/heartbeat", service.platformKey, play.copy().put("from", now - 3600).put("to", now)));
    JsonObject refused = ok(client.post("/v1/play/authorize", service.platformKey, play.copy().put("session", "s2")));
    assertFalse(refused.getBoolean("allowed"), refused::encode);
    // only a block can be appealed: the platform's content m-1 was blocked first
    assertEquals("block", ok(client.post("/v1/text/screen", service.platformKey,
        new JsonObject().put("text", "你个傻*逼").put("dataId", "m-1"))).getString("decision"));
    JsonObject appeal = new JsonObject().put("dataId", "m-1").put("text", "我只是开玩笑，不是骂人").put("userId", USER)
        .put("minor", true);
    // in the cluster profile the block reaches the event views through Kafka, a moment after its answer
    long until = System.nanoTime() + 15_000_000_000L;
    var appealed = client.post("/v1/review/appeals", service.platformKey, appeal);
    while (appealed.statusCode() == 409 && System.nanoTime() < until) {
      Thread.sleep(100);
      appealed = client.post("/v1/review/appeals", service.platformKey, appeal);
    }
    ok(appealed);
    // pile-on traces: the user wrote abuse at victim-1 (evidence: its pseudonym and the masked text), and
    // is a target itself, of troll-1, protected by the platform
    ok(client.post("/v1/text/screen", service.platformKey, new JsonObject().put("text", PILED_ON)
        .put("authorId", USER).put("targetId", "victim-1").put("dataId", "pile-1")));
    ok(client.post("/v1/text/screen", service.platformKey, new JsonObject().put("text", "你个傻*逼")
        .put("authorId", "troll-1").put("targetId", USER).put("dataId", "pile-2")));
    ok(client.post("/v1/targets/" + USER + "/protection", service.platformKey, new JsonObject().put("on", true)
        .put("until", CLOCK.instant().plusSeconds(86_400).toString())));
    JsonArray evidence = ok(client.get("/v1/targets/victim-1/evidence" + EVIDENCE_TO, service.platformKey)).getJsonArray("entries");
    assertEquals(1, evidence.size(), evidence::encode);
    String pseudonym = evidence.getJsonObject(0).getString("author");
    assertTrue(evidence.getJsonObject(0).getString("masked").contains(PILED_ON_KEPT), evidence::encode);
    assertEquals(1, ok(client.get("/v1/targets/" + USER + "/evidence" + EVIDENCE_TO, service.platformKey)).getJsonArray("entries").size());
    assertTrue(stored.read().contains(pseudonym), "the protection of the user is stored under its pseudonym");
    String before = stored.read();
    assertTrue(before.contains(USER) && before.contains(BIRTH.toString()) && before.contains("我只是开玩笑"),
        "the link and the appeal are stored before the deletion");

    JsonObject done = ok(client.post("/v1/privacy/requests", service.platformKey, new JsonObject().put("user", USER)
        .put("kind", "delete").put("requester", "guardian").put("note", "guardian called on 12-08")));
    assertEquals("completed", done.getString("status"), done::encode);
    assertTrue(done.getInteger("erased") >= 1, done::encode);
    assertEquals(new JsonArray(List.of("todays_play", "current_spending", "payment_records", "events")),
        done.getJsonArray("kept"));
    assertEquals(done, ok(client.get("/v1/privacy/requests/" + done.getString("id"), service.platformKey)));
    assertError(client.get("/v1/privacy/requests/" + done.getString("id"), service.otherPlatformKey), 404, "not_found");

    String after = stored.read();
    for (String trace : List.of(USER, idNumber, BIRTH.toString(), "我只是开玩笑", pseudonym, PILED_ON_KEPT)) {
      assertFalse(after.contains(trace), trace + " is still stored");
    }
    assertEquals(new JsonArray(), ok(client.get("/v1/targets/victim-1/evidence" + EVIDENCE_TO, service.platformKey)).getJsonArray("entries"),
        "the user's message is no evidence any more");
    assertEquals(new JsonArray(), ok(client.get("/v1/targets/" + USER + "/evidence" + EVIDENCE_TO, service.platformKey))
        .getJsonArray("entries"), "nor is what was aimed at the user");
    JsonObject status = ok(client.get("/v1/targets/" + USER + "/status", service.platformKey));
    assertEquals(null, status.getValue("protection"), status::encode);

    // attested again, the same person finds today's play counted: the quota still refuses
    assertTrue(ok(client.post("/v1/attestations", service.platformKey, attest)).getBoolean("minor"));
    JsonObject again = ok(client.post("/v1/play/authorize", service.platformKey, play.copy().put("session", "s3")));
    assertFalse(again.getBoolean("allowed"), again::encode);
    assertEquals(refused.getString("reason"), again.getString("reason"));

    JsonObject counts = ok(client.get("/v1/regulator/privacy", service.regulatorKey));
    assertEquals(1, counts.getJsonObject("byKind").getJsonObject("delete").getInteger("completed"), counts::encode);
    assertFalse(counts.encode().contains(USER));
  }

  private static void rolesAndErrors(LocalService service, Client client) {
    JsonObject request = new JsonObject().put("user", "u1").put("kind", "delete").put("requester", "minor");
    assertError(client.post("/v1/privacy/requests", service.regulatorKey, request), 403, "forbidden");
    assertError(client.post("/v1/privacy/requests", service.otherPlatformKey,
        request.copy().put("platform", LocalService.PLATFORM)), 403, "platform_mismatch");
    assertError(client.post("/v1/privacy/requests", service.platformKey, request.copy().put("kind", "correct")),
        403, "forbidden");
    assertError(client.post("/v1/privacy/requests", service.platformKey, request.copy().put("kind", "erase")),
        400, "invalid_field");
    assertError(client.post("/v1/privacy/requests", service.platformKey, request.copy().put("requester", "parent")),
        400, "invalid_field");
    assertError(client.post("/v1/privacy/requests", service.platformKey, request.copy().put("why", "x")),
        400, "invalid_field");
    assertError(client.post("/v1/privacy/requests", service.platformKey,
        request.copy().put("note", "ID " + ResidentIds.residentId(BIRTH))), 400, "invalid_field");
    JsonObject missing = new JsonObject().put("kind", "delete").put("requester", "minor");
    assertError(client.post("/v1/privacy/requests", service.platformKey, missing), 400, "missing_field");
    assertError(client.post("/v1/privacy/requests", service.adminKey, request), 400, "missing_field");
    assertError(client.get("/v1/privacy/requests/nope", service.platformKey), 404, "not_found");
    assertError(client.get("/v1/regulator/privacy", service.platformKey), 403, "forbidden");

    JsonObject corrected = ok(client.post("/v1/privacy/requests", service.adminKey,
        request.copy().put("kind", "correct").put("platform", LocalService.PLATFORM)));
    assertEquals(new JsonArray(List.of("play_and_spending", "payment_records", "guardian_controls", "events")),
        corrected.getJsonArray("kept"));
    assertEquals(corrected, ok(client.get("/v1/privacy/requests/" + corrected.getString("id") + "?platform="
        + LocalService.PLATFORM, service.adminKey)));
    JsonObject counts = ok(client.get("/v1/regulator/privacy", service.adminKey));
    assertEquals(1, counts.getJsonObject("byKind").getJsonObject("correct").getInteger("completed"), counts::encode);
  }

  /** Every file under {@code root}, named and read as UTF-8 (bytes that are not become U+FFFD: the journal is binary). */
  private static String files(Path root) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      // the events journal is kept on purpose, with pseudonyms and masked texts (docs/privacy.md)
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("events")))
          .sorted().toList()) {
        all.append(file).append('\n').append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** Every key under {@code prefix} with its value (strings, hashes, sorted sets, lists). */
  private static String redisDump(Redis redis, String prefix) throws Exception {
    StringBuilder all = new StringBuilder();
    String cursor = "0";
    do {
      Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
          .arg("COUNT").arg(1000)).await(10, TimeUnit.SECONDS);
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        String type = redis.send(Request.cmd(Command.TYPE).arg(key.toString())).await(10, TimeUnit.SECONDS).toString();
        Request read = switch (type) {
          case "string" -> Request.cmd(Command.GET).arg(key.toString());
          case "hash" -> Request.cmd(Command.HGETALL).arg(key.toString());
          case "zset" -> Request.cmd(Command.ZRANGE).arg(key.toString()).arg(0).arg(-1).arg("WITHSCORES");
          case "list" -> Request.cmd(Command.LRANGE).arg(key.toString()).arg(0).arg(-1);
          case "set" -> Request.cmd(Command.SMEMBERS).arg(key.toString());
          default -> throw new AssertionError("a " + type + " key the dump does not read: " + key);
        };
        all.append(key).append(' ').append(redis.send(read).await(10, TimeUnit.SECONDS)).append('\n');
      }
    } while (!"0".equals(cursor));
    return all.toString();
  }
}
