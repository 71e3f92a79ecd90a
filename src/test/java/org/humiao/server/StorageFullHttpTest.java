package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalOptions;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A full disk, for real: the data dir is a 2 MB tmpfs mounted by the test (it must run as root, as
 * CI does, and fails rather than skips when it cannot mount). A filler file takes the rest of the
 * space; blocked texts (journaled events) and minor-mode heartbeats (state-log changes) are then
 * answered 503 storage_full with Retry-After, never 500; once the filler is deleted they are
 * answered 200 again without a restart; and after a restart every event and every heartbeat that
 * was answered 200, before, during or after the outage, is there.
 */
@ExtendWith(VertxExtension.class)
class StorageFullHttpTest {
  private static final long BEAT_SECONDS = 10;
  /** Requests of each kind sent into the full disk at most, looking for its refusal. */
  private static final int MAX_TRIES = 400;

  @TempDir
  Path dir;

  private final List<String> recordedDataIds = new ArrayList<>();
  private final List<Long> countedBeats = new ArrayList<>();
  private int dataIds;
  private long nextBeat = System.currentTimeMillis() / 1000 - 6 * 3600;

  @Test
  void aFullDiskIsStorageFullLosesNothingAcknowledgedAndRecoversByItself(Vertx vertx) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    mount(data);
    try {
      Map<Setting, String> settings = new HashMap<>();
      settings.put(Setting.DATA_DIR, data.toString());
      // keys and secrets off the small disk, and the same for both runs (pseudonyms and state keys)
      settings.put(Setting.SHARED_DIR, dir.resolve("shared").toString());
      settings.put(Setting.RATE_LIMIT_PER_SECOND, "100000");
      settings.put(Setting.RATE_LIMIT_BURST, "100000");
      LocalService first = new LocalService(dir.resolve("first"), settings);
      Client client = new Client(vertx, first.port());
      try {
        attest(client, first.platformKey);
        for (int i = 0; i < 20; i++) {
          assertEquals(200, screen(client, first.platformKey).statusCode());
          assertEquals(200, heartbeat(client, first.platformKey).statusCode());
        }

        Path filler = data.resolve("filler");
        fill(filler);
        HttpResponse<Buffer> refusedScreen = untilRefused(() -> screen(client, first.platformKey));
        HttpResponse<Buffer> refusedBeat = untilRefused(() -> heartbeat(client, first.platformKey));
        for (HttpResponse<Buffer> refused : List.of(refusedScreen, refusedBeat)) {
          Client.assertError(refused, 503, "storage_full");
          assertNotNull(refused.getHeader("Retry-After"), refused.headers()::toString);
        }
        JsonObject degraded = client.get("/health/ready", null).bodyAsJsonObject();
        assertEquals("degraded", degraded.getString("status"), degraded::encode);
        assertEquals("down", degraded.getJsonObject("checks").getJsonObject("journal").getString("status"),
            degraded::encode);
        // the service still reads while its disk is full
        LocalDate today = LocalDate.now(ViolationSummaries.ZONE);
        HttpResponse<Buffer> summary = client.get("/v1/regulator/summary?from=" + today.minusDays(1) + "&to=" + today,
            first.regulatorKey);
        assertEquals(200, summary.statusCode(), summary::bodyAsString);

        Files.delete(filler);
        untilAnswered(() -> screen(client, first.platformKey));
        untilAnswered(() -> heartbeat(client, first.platformKey));
        for (int i = 0; i < 20; i++) {
          assertEquals(200, screen(client, first.platformKey).statusCode());
          assertEquals(200, heartbeat(client, first.platformKey).statusCode());
        }
        JsonObject ready = client.get("/health/ready", null).bodyAsJsonObject();
        assertEquals("ready", ready.getString("status"), ready::encode);
      } finally {
        client.close();
        first.close();
      }

      LocalService second = new LocalService(dir.resolve("second"), settings);
      Client again = new Client(vertx, second.port());
      try {
        for (long from : countedBeats) {
          JsonObject answer = again.post("/v1/play/heartbeat", second.platformKey, beat(from)).bodyAsJsonObject();
          assertEquals(0, answer.getLong("countedSeconds") + answer.getLong("overSeconds"),
              () -> "heartbeat at " + from + " was answered 200 but is not counted after the restart: " + answer.encode());
        }
      } finally {
        again.close();
        second.close();
      }
      Map<String, Integer> journaled = new HashMap<>();
      try (Journal journal = Journal.open(JournalOptions.defaults(data), batch -> batch.forEach(
          entry -> journaled.merge(String.valueOf(entry.event().dataId()), 1, Integer::sum)))) {
        assertTrue(journal.endOffset() > 0);
      }
      for (String dataId : recordedDataIds) {
        assertEquals(1, journaled.getOrDefault(dataId, 0), () -> "event " + dataId + " was answered 200");
      }
      assertTrue(recordedDataIds.size() >= 41 && countedBeats.size() >= 41,
          "answered " + recordedDataIds.size() + " screens and " + countedBeats.size() + " heartbeats");
    } finally {
      unmount(data);
    }
  }

  static void mount(Path at) throws Exception {
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", at.toString())
        .redirectErrorStream(true).start();
    String output = new String(mount.getInputStream().readAllBytes());
    if (mount.waitFor() != 0) {
      fail("cannot mount a tmpfs at " + at + " (this test needs root, as CI has): " + output);
    }
  }

  /** Lazily: a service that failed to start may still hold a file open, and the mount must not outlive the test. */
  static void unmount(Path at) throws Exception {
    Process umount = new ProcessBuilder("umount", "--lazy", at.toString()).redirectErrorStream(true).start();
    String output = new String(umount.getInputStream().readAllBytes());
    assertEquals(0, umount.waitFor(), () -> "umount " + at + ": " + output);
  }

  /** Writes {@code filler} until the file system refuses. */
  static void fill(Path filler) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertTrue(Files.getFileStore(filler).getUsableSpace() < block.length,
          () -> "the filler stopped with space left: " + full);
    }
  }

  /** Sends until the answer is not 200; every 200 before it must have been recorded. */
  static HttpResponse<Buffer> untilRefused(Supplier<HttpResponse<Buffer>> request) {
    for (int i = 0; i < MAX_TRIES; i++) {
      HttpResponse<Buffer> response = request.get();
      if (response.statusCode() != 200) {
        return response;
      }
    }
    throw new AssertionError(MAX_TRIES + " requests were all answered 200 on a full disk");
  }

  /** Sends, a little apart, until a 200: the writers come back by themselves. */
  private static void untilAnswered(Supplier<HttpResponse<Buffer>> request) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    HttpResponse<Buffer> response = request.get();
    while (response.statusCode() != 200 && System.nanoTime() < deadline) {
      Client.assertError(response, 503, "storage_full");
      Thread.sleep(100);
      response = request.get();
    }
    assertEquals(200, response.statusCode(), response::bodyAsString);
  }

  private static void attest(Client client, String key) {
    JsonObject attested = client.post("/v1/attestations", key, new JsonObject().put("user", "kid")
        .put("kind", "resident-id").put("idNumber", ResidentIds.residentId(
            LocalDate.now(ViolationSummaries.ZONE).minusYears(12)))).bodyAsJsonObject();
    assertTrue(attested.getBoolean("minor"), attested::encode);
  }

  /** A blocked text under a new dataId; remembered when answered 200. */
  private HttpResponse<Buffer> screen(Client client, String key) {
    String dataId = "d" + dataIds++;
    HttpResponse<Buffer> response = client.post("/v1/text/screen", key,
        new JsonObject().put("text", "你个傻*逼").put("scene", "chat").put("dataId", dataId));
    if (response.statusCode() == 200) {
      assertEquals("block", response.bodyAsJsonObject().getString("decision"), response::bodyAsString);
      recordedDataIds.add(dataId);
    }
    return response;
  }

  /** The next 10 s of play; remembered when answered 200. */
  private HttpResponse<Buffer> heartbeat(Client client, String key) {
    long from = nextBeat;
    nextBeat += BEAT_SECONDS;
    HttpResponse<Buffer> response = client.post("/v1/play/heartbeat", key, beat(from));
    if (response.statusCode() == 200) {
      countedBeats.add(from);
    }
    return response;
  }

  private static JsonObject beat(long from) {
    return new JsonObject().put("user", "kid").put("session", "s-kid").put("service", "streaming")
        .put("from", from).put("to", from + BEAT_SECONDS);
  }
}
