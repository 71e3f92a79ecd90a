package org.humiao.server;

import org.humiao.keys.KeyBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A first start not on a terminal (a container, a service manager) hands its keys over in a 0600 file, not on stdout. */
class FirstKeysTest {
  @TempDir
  Path dir;

  @Test
  void theFirstKeysGoToAPrivateFileAndNeverToTheOutput() throws Exception {
    try (ServiceProcess serve = ServiceProcess.start(dir, 0, Map.of())) {
      assertFalse(serve.keysOnStdout(), "a key was printed where logs are collected");
      for (String role : new String[] {"platform", "regulator", "admin"}) {
        assertNotNull(serve.key(role), "no " + role + " key in " + KeyBootstrap.FIRST_KEYS_FILE);
      }
      Path file = dir.resolve(KeyBootstrap.FIRST_KEYS_FILE);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }
}
