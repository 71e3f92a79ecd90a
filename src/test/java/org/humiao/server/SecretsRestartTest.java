package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.keys.KeyBootstrap;
import org.humiao.keys.KeyStore;
import org.humiao.keys.ServerSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.humiao.server.Client.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The keys and the server secrets across a real restart of {@code serve}: {@code keys.json} and
 * {@code secrets.json} byte for byte the same, the keys the first start handed over still accepted,
 * and the same author pseudonymised the same way before and after (the pseudonym key was kept).
 */
@ExtendWith(VertxExtension.class)
class SecretsRestartTest {
  private static final String BLOCKED = "你个傻*逼";

  @TempDir
  Path dir;

  @Test
  void keysAndSecretsAreTheSameAfterARestartAndTheOldKeysStillWork(Vertx vertx) throws Exception {
    String platformKey;
    String regulatorKey;
    byte[] keys;
    byte[] secrets;
    try (ServiceProcess first = ServiceProcess.start(dir, 0, Map.of())) {
      platformKey = first.key("platform");
      regulatorKey = first.key("regulator");
      try (Client client = new Client(vertx, first.port())) {
        ok(client.post("/v1/text/screen", platformKey, new JsonObject().put("text", BLOCKED).put("authorId", "author-7")));
        assertEquals(1, blockedAuthors(client, regulatorKey).size());
      }
      keys = Files.readAllBytes(dir.resolve(KeyStore.FILE_NAME));
      secrets = Files.readAllBytes(dir.resolve(ServerSecrets.FILE_NAME));
    }
    // as the operator is told to, once the keys are kept
    Files.delete(dir.resolve(KeyBootstrap.FIRST_KEYS_FILE));

    try (ServiceProcess second = ServiceProcess.start(dir, 0, Map.of())) {
      assertNull(second.key("platform"), "a restart handed over new keys");
      assertArrayEquals(keys, Files.readAllBytes(dir.resolve(KeyStore.FILE_NAME)), "keys.json changed");
      assertArrayEquals(secrets, Files.readAllBytes(dir.resolve(ServerSecrets.FILE_NAME)), "secrets.json changed");
      try (Client client = new Client(vertx, second.port())) {
        ok(client.post("/v1/text/screen", platformKey, new JsonObject().put("text", BLOCKED).put("authorId", "author-7")));
        List<String> authors = blockedAuthors(client, regulatorKey);
        assertEquals(2, authors.size(), authors::toString);
        assertEquals(authors.get(0), authors.get(1), "the same author got another pseudonym after the restart");
      }
    }
  }

  private static List<String> blockedAuthors(Client client, String regulatorKey) {
    JsonArray events = ok(client.get("/v1/regulator/events?kind=text_blocked", regulatorKey)).getJsonArray("events");
    return events.stream().map(e -> ((JsonObject) e).getString("user")).toList();
  }
}
