package org.humiao.cli;

import org.humiao.keys.KeyRing;
import org.humiao.keys.KeyStore;
import org.humiao.keys.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {
  private static String run(String... argv) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KeysCommand.run(argv, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void addListRevoke(@TempDir Path dir) {
    String added = run("add", "--data-dir", dir.toString(), "--role", "platform", "--platform", "acme");
    String secret = added.substring(added.indexOf("key=") + 4).trim();
    String id = added.substring(added.indexOf("id=") + 3, added.indexOf(' '));
    KeyRing ring = new KeyRing(new KeyStore(dir).read());
    assertEquals(Role.PLATFORM, ring.find(secret).orElseThrow().role());
    assertEquals("acme", ring.find(secret).orElseThrow().platform());

    run("add", "--data-dir", dir.toString(), "--role", "regulator");
    String list = run("list", "--data-dir", dir.toString());
    assertTrue(list.contains("id=" + id + " role=platform platform=acme"), list);
    assertTrue(list.contains("role=regulator"), list);
    assertFalse(list.contains(secret), "list never shows a key");

    assertEquals("revoked " + id + "\n", run("revoke", "--data-dir", dir.toString(), "--id", id));
    assertTrue(new KeyRing(new KeyStore(dir).read()).find(secret).isEmpty());
    assertThrows(Args.UsageException.class, () -> run("revoke", "--data-dir", dir.toString(), "--id", id));
  }

  @Test
  void platformGoesWithThePlatformRoleOnly(@TempDir Path dir) {
    assertThrows(Args.UsageException.class, () -> run("add", "--data-dir", dir.toString(), "--role", "platform"));
    assertThrows(Args.UsageException.class,
        () -> run("add", "--data-dir", dir.toString(), "--role", "admin", "--platform", "x"));
    assertThrows(Args.UsageException.class, () -> run("add", "--data-dir", dir.toString(), "--role", "king"));
    assertThrows(Args.UsageException.class, () -> run("rotate", "--data-dir", dir.toString()));
  }
}
