package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.humiao.server.PlatformListsHttpTest.send;
import static org.humiao.server.PlatformListsHttpTest.term;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk under the moderation stores, for real (the 2 MB tmpfs of {@link StorageFullHttpTest};
 * root needed): reports into the review queue, list changes and strategy choices are answered 503
 * storage_full with Retry-After, never 500; once the filler is deleted they are answered 200 again
 * without a restart, and every report answered 200 is in the queue.
 */
@ExtendWith(VertxExtension.class)
class ModerationStorageFullHttpTest {
  @TempDir
  Path dir;

  private final List<String> reported = new ArrayList<>();
  private int sent;

  @Test
  void theReviewQueueListsAndStrategyChoicesAnswerStorageFullOnAFullDiskAndRecover(Vertx vertx) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    StorageFullHttpTest.mount(data);
    try {
      Map<Setting, String> settings = Map.of(Setting.DATA_DIR, data.toString(),
          Setting.SHARED_DIR, dir.resolve("shared").toString(),
          Setting.RATE_LIMIT_PER_SECOND, "100000", Setting.RATE_LIMIT_BURST, "100000");
      try (LocalService service = new LocalService(dir.resolve("run"), settings);
           Client client = new Client(vertx, service.port())) {
        for (int i = 0; i < 5; i++) {
          assertEquals(200, report(client, service.platformKey).statusCode());
        }
        assertEquals(200, listTerm(client, service.platformKey).statusCode());
        assertEquals(200, strategy(client, service.adminKey).statusCode());

        Path filler = data.resolve("filler");
        StorageFullHttpTest.fill(filler);
        List<HttpResponse<Buffer>> refused = List.of(
            StorageFullHttpTest.untilRefused(() -> report(client, service.platformKey)),
            StorageFullHttpTest.untilRefused(() -> listTerm(client, service.platformKey)),
            StorageFullHttpTest.untilRefused(() -> strategy(client, service.adminKey)));
        for (HttpResponse<Buffer> answer : refused) {
          Client.assertError(answer, 503, "storage_full");
          assertNotNull(answer.getHeader("Retry-After"), answer.headers()::toString);
        }

        Files.delete(filler);
        for (Supplier<HttpResponse<Buffer>> request : List.<Supplier<HttpResponse<Buffer>>>of(
            () -> report(client, service.platformKey), () -> listTerm(client, service.platformKey),
            () -> strategy(client, service.adminKey))) {
          HttpResponse<Buffer> answer = request.get();
          assertEquals(200, answer.statusCode(), answer::bodyAsString);
        }
        HttpResponse<Buffer> listed = client.get("/v1/review/tasks?kind=report&limit=100", service.platformKey);
        assertEquals(200, listed.statusCode(), listed::bodyAsString);
        Set<String> queued = listed.bodyAsJsonObject().getJsonArray("tasks").stream().map(JsonObject.class::cast)
            .map(t -> t.getString("dataId")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(reported), queued, "every report answered 200, and only those");
        assertTrue(reported.size() >= 6, reported::toString);
      }
    } finally {
      StorageFullHttpTest.unmount(data);
    }
  }

  /** A report of new content; remembered when answered 200. */
  private HttpResponse<Buffer> report(Client client, String key) {
    String dataId = "r" + sent++;
    HttpResponse<Buffer> answer = client.post("/v1/review/reports", key, new JsonObject().put("dataId", dataId)
        .put("text", "他一直在骂我 " + dataId).put("reason", "辱骂"));
    if (answer.statusCode() == 200) {
      reported.add(dataId);
    }
    return answer;
  }

  private HttpResponse<Buffer> listTerm(Client client, String key) {
    return send(client, HttpMethod.PATCH, "/v1/platforms/" + LocalService.PLATFORM + "/lists/block", key,
        new JsonObject().put("add", new JsonArray().add(term("外挂代练" + sent++, "fraud", 3, false))));
  }

  private HttpResponse<Buffer> strategy(Client client, String adminKey) {
    return send(client, HttpMethod.PUT, "/v1/platforms/p" + sent++ + "/strategy", adminKey,
        new JsonObject().put("strategy", "strict"));
  }
}
