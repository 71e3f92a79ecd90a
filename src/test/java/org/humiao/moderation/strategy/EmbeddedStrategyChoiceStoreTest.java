package org.humiao.moderation.strategy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The embedded store: what every store does ({@link StrategyChoiceStoreContract}) in one data dir, and its file. */
class EmbeddedStrategyChoiceStoreTest extends StrategyChoiceStoreContract {
  @TempDir
  Path dataDir;

  @Override
  protected StrategyChoiceStore openStore() {
    return EmbeddedStrategyChoiceStore.open(dataDir);
  }

  @Test
  void oneFileReadableByTheServiceOnlyAndNoLeftoverOfACrashedWrite() throws Exception {
    open().write("demo", "strict");
    Path file = dataDir.resolve(EmbeddedStrategyChoiceStore.FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    // a write that died between its temporary file and the rename: the old choices stay, the leftover goes
    Path leftover = file.resolveSibling(EmbeddedStrategyChoiceStore.FILE + ".tmp");
    Files.writeString(leftover, "{\"torn");
    assertEquals(Map.of("demo", "strict"), open().read());
    assertFalse(Files.exists(leftover));
  }
}
