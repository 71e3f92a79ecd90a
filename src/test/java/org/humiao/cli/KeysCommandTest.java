package org.humiao.cli;

import org.humiao.keys.KeyRing;
import org.humiao.keys.KeyStore;
import org.humiao.keys.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {
  private static String run(String... argv) {
    Cli run = keys(argv);
    assertEquals(0, run.status(), run.err());
    return run.out();
  }

  private static Cli keys(String... argv) {
    String[] args = new String[argv.length + 1];
    args[0] = "keys";
    System.arraycopy(argv, 0, args, 1, argv.length);
    return Cli.run(args);
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
    Cli again = keys("revoke", "--data-dir", dir.toString(), "--id", id);
    assertEquals(1, again.status());
    assertTrue(again.err().contains("no key with id " + id), again.err());
  }

  @Test
  void platformGoesWithThePlatformRoleOnly(@TempDir Path dir) {
    assertEquals(2, keys("add", "--data-dir", dir.toString(), "--role", "platform").status());
    assertEquals(2, keys("add", "--data-dir", dir.toString(), "--role", "admin", "--platform", "x").status());
    assertEquals(2, keys("add", "--data-dir", dir.toString(), "--role", "king").status());
    assertEquals(2, keys("rotate", "--data-dir", dir.toString()).status());
    assertFalse(new KeyStore(dir).exists(), "no refused command wrote a key");
  }

  @Test
  void aRegulatorKeyTakesARegionOfTheTableAndAPlatformKeyADefaultRegion(@TempDir Path dir) {
    String added = run("add", "--data-dir", dir.toString(), "--role", "regulator", "--region", "530500");
    String secret = added.substring(added.indexOf("key=") + 4).trim();
    KeyRing ring = new KeyRing(new KeyStore(dir).read());
    assertEquals("530500", ring.find(secret).orElseThrow().region());
    assertEquals("530500", ring.find(secret).orElseThrow().scope().code());
    run("add", "--data-dir", dir.toString(), "--role", "regulator", "--region", "000000");
    run("add", "--data-dir", dir.toString(), "--role", "platform", "--platform", "acme", "--region", "530502");
    assertEquals("530502", new KeyRing(new KeyStore(dir).read()).platformRegion("acme").orElseThrow());
    assertTrue(run("list", "--data-dir", dir.toString()).contains("role=regulator region=530500"));

    for (String[] refused : new String[][] {{"regulator", "530599"}, {"regulator", "5305"}, {"admin", "530500"}}) {
      Cli run = keys("add", "--data-dir", dir.toString(), "--role", refused[0], "--region", refused[1]);
      assertEquals(2, run.status(), run.err());
      assertTrue(run.err().contains("--region"), run.err());
    }
    Cli national = keys("add", "--data-dir", dir.toString(), "--role", "platform", "--platform", "x", "--region", "000000");
    assertEquals(2, national.status(), "000000 is no region an event can carry");
    assertEquals(3, new KeyStore(dir).read().size(), "no refused command wrote a key");
  }
}
