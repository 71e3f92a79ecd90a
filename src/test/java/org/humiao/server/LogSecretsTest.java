package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Everything {@code serve} writes while it is given API keys, admin calls, a resident ID number
 * and the NPPA secret: not one of them, and no Redis password, appears in any line; every log line
 * is JSON with the fields docs/operations.md promises (JSON is the format off a terminal).
 */
class LogSecretsTest {
  private static final String NPPA_SECRET = "5ec7e7a11ce0b0b5ec7e7a11ce0b0b99";
  private static final String REDIS_PASSWORD = "hunter2-redis-pw";
  private static final String WRONG_KEY = "hmk_this-is-no-key-but-must-not-be-logged-either";
  private static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  /** What serve prints on stdout for the operator, apart from the log. */
  private static final Pattern SERVE_OUTPUT = Pattern.compile(
      "humiao listening on \\S+ \\(HTTP/1.1 and h2c\\)|humiao ready|humiao: the first API keys are in \\S+ .*");

  @TempDir
  Path dir;
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void noKeySecretOrIdNumberIsEverLoggedAndEveryLineIsJson() throws Exception {
    String idNumber = ResidentIds.residentId(LocalDate.now(ViolationSummaries.ZONE).minusYears(12).minusDays(30));
    Map<String, String> env = Map.of(
        "HUMIAO_ACCESS_LOG", "all",
        "HUMIAO_NPPA_APP_ID", "a0298befcc6340dcac218d5016669df3",
        "HUMIAO_NPPA_BIZ_ID", "1101999999",
        "HUMIAO_NPPA_SECRET_KEY", NPPA_SECRET,
        // nothing is sent anywhere real: a closed local port
        "HUMIAO_NPPA_ENDPOINT", "http://127.0.0.1:9/behavior/collection/loginout",
        "HUMIAO_REDIS_URI", "redis://humiao:" + REDIS_PASSWORD + "@127.0.0.1:6379");
    List<String> secrets;
    List<String> lines;
    try (ServiceProcess serve = ServiceProcess.start(dir, 0, env)) {
      String platform = serve.key("platform");
      String admin = serve.key("admin");
      String regulator = serve.key("regulator");
      // the same number with a wrong check digit: refused, and not logged either
      String badIdNumber = idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1");
      secrets = List.of(platform, admin, regulator, WRONG_KEY, NPPA_SECRET, REDIS_PASSWORD, idNumber, badIdNumber);
      try (Client client = new Client(vertx, serve.port())) {
        JsonObject kid = new JsonObject().put("user", "kid").put("kind", "resident-id").put("idNumber", idNumber);
        assertEquals(200, client.post("/v1/attestations", platform, kid).statusCode());
        JsonObject refused = client.post("/v1/attestations", platform, kid.copy().put("idNumber", badIdNumber))
            .bodyAsJsonObject();
        assertEquals(false, refused.getBoolean("accepted"), refused::encode);
        // the number in a text to screen, and in query strings
        assertEquals(200, client.post("/v1/text/screen", platform,
            new JsonObject().put("text", "我的身份证号是" + idNumber).put("scene", "chat")).statusCode());
        JsonObject play = new JsonObject().put("user", "kid").put("session", "s1");
        assertEquals(200, client.post("/v1/play/authorize", platform, play).statusCode());
        assertEquals(200, client.get("/v1/regulator/events?user=" + idNumber, regulator).statusCode());
        assertEquals(404, client.get("/v1/nosuch/" + idNumber + "?key=" + platform, null).statusCode());
        assertEquals(401, client.get("/v1/lexicons", WRONG_KEY).statusCode());
        assertEquals(200, client.post("/v1/admin/lexicons/reload", admin, new JsonObject()).statusCode());
        assertEquals(200, client.post("/v1/admin/policies/reload", admin, new JsonObject()).statusCode());
        assertEquals(403, client.post("/v1/admin/policies/reload", platform, new JsonObject()).statusCode());
      }
      serve.close();
      lines = untilStopLine(serve);
    }

    List<JsonObject> logs = new ArrayList<>();
    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "a secret in the output: " + line);
      }
      if (SERVE_OUTPUT.matcher(line).matches()) {
        continue;
      }
      JsonObject log;
      try {
        log = new JsonObject(line);
      } catch (DecodeException e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
      assertTrue(UTC_TIME.matcher(log.getString("time", "")).matches(), line);
      for (String field : List.of("level", "logger", "thread", "message")) {
        assertTrue(log.getValue(field) instanceof String, "no " + field + ": " + line);
      }
      logs.add(log);
    }

    JsonObject started = only(logs, "humiao", "humiao started");
    assertEquals("(set)", started.getJsonObject("settings").getString("nppaSecretKey"), started::encode);
    assertEquals("redis://***@127.0.0.1:6379", started.getJsonObject("settings").getString("redisUri"), started::encode);
    assertEquals("all", started.getJsonObject("settings").getString("accessLog"), started::encode);
    for (String field : List.of("version", "lexiconVersion", "profile")) {
      assertTrue(started.getValue(field) instanceof String, "start line without " + field);
    }
    only(logs, "humiao", "humiao stopped");

    List<JsonObject> access = logs.stream().filter(l -> l.getString("logger").equals("humiao.access")).toList();
    assertEquals(10, access.size(), "one access line per request: " + access);
    for (JsonObject a : access) {
      assertTrue(a.getString("requestId").matches("[0-9a-f]{16}"), a::encode);
      assertTrue(a.getValue("status") instanceof Integer && a.getValue("latencyMs") instanceof Number, a::encode);
      assertTrue(a.getString("route").equals("unmatched") || a.getString("route").startsWith("/"), a::encode);
    }
    assertTrue(access.stream().map(a -> a.getInteger("status")).collect(Collectors.toSet())
        .containsAll(Set.of(200, 401, 403, 404)), access::toString);
    assertTrue(access.stream().anyMatch(a -> "demo".equals(a.getString("platform"))
        && "/v1/attestations".equals(a.getString("route"))), access::toString);
  }

  /** The output once the stop line is in: the reader may still be draining the pipe when the process is gone. */
  private static List<String> untilStopLine(ServiceProcess serve) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (serve.output().stream().anyMatch(l -> l.contains("humiao stopped"))) {
        return List.copyOf(serve.output());
      }
      Thread.sleep(50);
    }
    return fail("no stop line in " + serve.output());
  }

  private static JsonObject only(List<JsonObject> logs, String logger, String messageStart) {
    List<JsonObject> found = logs.stream()
        .filter(l -> l.getString("logger").equals(logger) && l.getString("message").startsWith(messageStart))
        .toList();
    assertEquals(1, found.size(), messageStart + ": " + logs);
    return found.get(0);
  }
}
