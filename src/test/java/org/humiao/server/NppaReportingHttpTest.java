package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.minor.nppa.FakeNppaServer;
import org.humiao.minor.nppa.FileOutbox;
import org.humiao.minor.nppa.NppaCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Game sessions reported to the NPPA login/logout interface by the running service, against the
 * local {@link FakeNppaServer}, which checks the signature and decrypts each call.
 */
@ExtendWith(VertxExtension.class)
class NppaReportingHttpTest {
  private static final String APP_ID = "a0298befcc6340dcac218d5016669df3";
  private static final String BIZ_ID = "1101999999";
  private static final String SECRET_KEY = "bbd3322487be9f3b2af1e7d1d3734f41";
  private static final String PI = "1fffbjzos82bs9cnyj1dna7d6d29zg4esnh99u";
  /** A Saturday, two minutes before nppa-2021's window 20:00–21:00 closes. */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 20, 58, 0, 0, ZoneId.of("Asia/Shanghai"));
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), NOW.getZone());
  private static final long NOW_S = NOW.toEpochSecond();

  @TempDir
  Path dir;
  private FakeNppaServer nppa;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    nppa = FakeNppaServer.start(APP_ID, BIZ_ID, SECRET_KEY, CLOCK);
  }

  @AfterEach
  void stop() {
    nppa.close();
  }

  @Test
  void gameSessionsAreReportedWhenAllowedAndWhenFirstToldToStopOrEnded() throws Exception {
    Path data = dir.resolve("a/data");
    LocalService service = new LocalService(dir.resolve("a"), reporting(data, policiesWithGuestsOnOther()), CLOCK, null);
    try (Client client = new Client(vertx, service.port())) {
      playUntilStopped(client, service);
      // a second stop of the same session is no new logout
      heartbeatToNine(client, service.platformKey, "kid", "s-kid");
      // guests are reported by a device id (guests may play under nppa-2019, which "other" follows)
      assertEquals(true, ok(client.post("/v1/play/authorize", service.otherPlatformKey,
          new JsonObject().put("user", "g").put("session", "s-guest").put("device", "phone-1"))).getBoolean("allowed"));
      // the platform ends the guest's session: a logout, once however often it says so
      JsonObject guestSession = new JsonObject().put("user", "g").put("session", "s-guest").put("device", "phone-1");
      assertEquals(false, ok(client.post("/v1/play/end", service.otherPlatformKey, guestSession)).getBoolean("alreadyStopped"));
      assertEquals(true, ok(client.post("/v1/play/end", service.otherPlatformKey, guestSession)).getBoolean("alreadyStopped"));
      // started again after its end: a new login
      assertEquals(true, ok(client.post("/v1/play/authorize", service.otherPlatformKey, guestSession)).getBoolean("allowed"));
      FileOutbox outbox = service.service.components().state().nppa().orElseThrow().outbox();
      // committed, not only sent: a batch sent but not committed when the service stops is sent again
      awaitTrue(() -> nppa.accepted().size() >= 5 && outbox.pendingCount() == 0, "five records sent and committed");
    } finally {
      service.close();
    }

    JsonObject login = record(id("demo", "s-kid"), 1, 0).put("pi", PI);
    JsonObject logout = record(id("demo", "s-kid"), 0, 0).put("pi", PI);
    JsonObject guest = record(id("other", "s-guest"), 1, 2).put("di", id("other", "phone-1"));
    JsonObject guestOut = record(id("other", "s-guest"), 0, 2).put("di", id("other", "phone-1"));
    // the adult attested by resident id has no pi, and streaming is not an online game: neither is reported
    assertEquals(List.of(login, logout, guest, guestOut, guest), nppa.accepted());
    assertEquals(5, nppa.batchSizes().stream().mapToInt(Integer::intValue).sum());
    try (FileOutbox outbox = FileOutbox.open(data.resolve("nppa-outbox"))) {
      assertEquals(0, outbox.pendingCount(), "nothing else was queued");
    }
  }

  @Test
  void recordsQueuedWhileTheNppaIsBusyAreSentInOneBatchAfterARestart() throws Exception {
    nppa.answerNext(1_000, NppaCode.SYS_REQ_BUSY_ERROR);
    Path data = dir.resolve("a/data");
    LocalService first = new LocalService(dir.resolve("a"), reporting(data, null), CLOCK, null);
    try (Client client = new Client(vertx, first.port())) {
      playUntilStopped(client, first);
      awaitTrue(() -> nppa.answeredCodes().contains(NppaCode.SYS_REQ_BUSY_ERROR.code()), "a busy answer");
    } finally {
      first.close();
    }
    assertTrue(nppa.accepted().isEmpty());

    nppa.answerNormally();
    LocalService second = new LocalService(dir.resolve("b"), reporting(data, null), CLOCK, first);
    try {
      awaitTrue(() -> nppa.accepted().size() >= 2, "the queued records at the fake NPPA");
    } finally {
      second.close();
    }
    assertEquals(List.of(record(id("demo", "s-kid"), 1, 0).put("pi", PI), record(id("demo", "s-kid"), 0, 0).put("pi", PI)),
        nppa.accepted());
    assertEquals(List.of(2), nppa.batchSizes());
  }

  @Test
  void nothingIsReportedWhenReportingIsOff() throws Exception {
    Path data = dir.resolve("a/data");
    // the endpoint alone does not turn reporting on
    LocalService service = new LocalService(dir.resolve("a"),
        Map.of(Setting.DATA_DIR, data.toString(), Setting.NPPA_ENDPOINT, nppa.endpoint().toString()), CLOCK, null);
    try (Client client = new Client(vertx, service.port())) {
      playUntilStopped(client, service);
    } finally {
      service.close();
    }
    assertEquals(List.of(), nppa.answeredCodes());
    assertFalse(Files.exists(data.resolve("nppa-outbox")));
  }

  /**
   * A 12-year-old attested by the NPPA plays game session s-kid until it is stopped at 21:00; an
   * adult attested by resident id plays a game, and the kid streams.
   */
  private static void playUntilStopped(Client client, LocalService service) {
    String key = service.platformKey;
    ok(client.post("/v1/attestations", key, new JsonObject().put("user", "kid").put("kind", "nppa").put("pi", PI)
        .put("birthDate", NOW.toLocalDate().minusYears(12).toString())));
    ok(client.post("/v1/attestations", key, new JsonObject().put("user", "adult").put("kind", "resident-id")
        .put("idNumber", ResidentIds.residentId(LocalDate.of(1990, 3, 4)))));
    // authorized twice while it runs (a platform retrying): one login
    for (int attempt = 0; attempt < 2; attempt++) {
      assertEquals(true, ok(client.post("/v1/play/authorize", key,
          new JsonObject().put("user", "kid").put("session", "s-kid"))).getBoolean("allowed"));
    }
    assertEquals(true, ok(client.post("/v1/play/authorize", key,
        new JsonObject().put("user", "adult").put("session", "s-adult"))).getBoolean("allowed"));
    ok(client.post("/v1/play/authorize", key,
        new JsonObject().put("user", "kid").put("session", "s-stream").put("service", "streaming")));
    heartbeatToNine(client, key, "kid", "s-kid");
  }

  private static void heartbeatToNine(Client client, String key, String user, String session) {
    JsonObject beat = ok(client.post("/v1/play/heartbeat", key, new JsonObject().put("user", user)
        .put("session", session).put("from", NOW_S).put("to", NOW_S + 120)));
    assertEquals("stop", beat.getString("action"), beat::encode);
  }

  private Map<Setting, String> reporting(Path data, Path policies) {
    Map<Setting, String> settings = new EnumMap<>(Setting.class);
    settings.put(Setting.DATA_DIR, data.toString());
    settings.put(Setting.NPPA_APP_ID, APP_ID);
    settings.put(Setting.NPPA_BIZ_ID, BIZ_ID);
    settings.put(Setting.NPPA_SECRET_KEY, SECRET_KEY);
    settings.put(Setting.NPPA_ENDPOINT, nppa.endpoint().toString());
    if (policies != null) {
      settings.put(Setting.POLICIES, policies.toString());
    }
    return settings;
  }

  /** The shipped policies, with platform "other" under nppa-2019, whose guests may play. */
  private Path policiesWithGuestsOnOther() throws Exception {
    Path policies = dir.resolve("policies");
    try (Stream<Path> files = Files.walk(Path.of("policies"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = policies.resolve(Path.of("policies").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.writeString(policies.resolve("assignments.json"), """
        {"default": {"game": "nppa-2021", "streaming": "cac-minor-mode-2024", "tipping": "tipping-2022"},
         "platforms": {"other": {"operator": "other", "policies": {"game": "nppa-2019"}}}}
        """);
    return policies;
  }

  private static JsonObject record(String si, int bt, int ct) {
    return new JsonObject().put("si", si).put("bt", bt).put("ot", NOW_S).put("ct", ct);
  }

  /** The README's si and di: 32 hex digits of SHA-256 of platform NUL id. */
  private static String id(String platform, String id) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest((platform + "\0" + id).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
