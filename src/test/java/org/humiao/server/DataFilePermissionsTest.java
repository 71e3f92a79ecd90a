package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the service writes to its data dir (journal, state log, NPPA outbox, keys, secrets)
 * is readable by its own user only: the files hold user ids, birth dates and pseudonyms.
 */
@ExtendWith(VertxExtension.class)
class DataFilePermissionsTest {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  @TempDir
  Path dir;

  @Test
  void dataFilesAre0600AndDirectories0700(Vertx vertx) throws Exception {
    try (LocalService service = new LocalService(dir, Map.of());
         Client client = new Client(vertx, service.port())) {
      JsonObject answer = client.post("/v1/text/screen", service.platformKey,
          new JsonObject().put("text", "你个傻*逼").put("authorId", "a1")).bodyAsJsonObject();
      assertEquals("block", answer.getString("decision"), answer::encode);
    }
    Path data = dir.resolve("data");
    List<Path> written;
    try (Stream<Path> all = Files.walk(data)) {
      written = all.filter(p -> !p.equals(data)).toList();
    }
    assertTrue(written.stream().anyMatch(p -> p.toString().contains("events")), "no journal in " + written);
    assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().startsWith("minor-state")), written::toString);
    for (Path p : written) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
      Set<PosixFilePermission> leaked = EnumSet.copyOf(OTHERS);
      leaked.retainAll(permissions);
      assertTrue(leaked.isEmpty(), p + " is " + PosixFilePermissions.toString(permissions));
    }
  }
}
