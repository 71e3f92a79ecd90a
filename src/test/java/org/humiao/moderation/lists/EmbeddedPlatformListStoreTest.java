package org.humiao.moderation.lists;

import org.humiao.screening.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded store: what every store does ({@link PlatformListStoreContract}) in one data dir, and its files. */
class EmbeddedPlatformListStoreTest extends PlatformListStoreContract {
  @TempDir
  Path dataDir;

  @Override
  protected PlatformListStore openStore() {
    return EmbeddedPlatformListStore.open(dataDir);
  }

  @Override
  protected PlatformListStore secondInstance(PlatformListStore first) {
    return first;
  }

  @Test
  void oneFilePerPlatformReadableByTheServiceOnlyAndNoLeftoverOfACrashedWrite() throws Exception {
    EmbeddedPlatformListStore store = EmbeddedPlatformListStore.open(dataDir);
    PlatformEntries written = new PlatformEntries("../etc", 1, List.of(new BlockEntry("外挂", Category.FRAUD, 3, true)),
        List.of());
    assertTrue(store.write(written));
    Path directory = dataDir.resolve(EmbeddedPlatformListStore.DIRECTORY);
    List<Path> files;
    try (var listing = Files.list(directory)) {
      files = listing.toList();
    }
    assertEquals(1, files.size(), files::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
    // a write that died between its temporary file and the rename: the old version stays, the leftover goes
    Files.writeString(directory.resolve(files.get(0).getFileName() + ".tmp"), "{\"torn");
    assertEquals(written, EmbeddedPlatformListStore.open(dataDir).read("../etc"));
    try (var listing = Files.list(directory)) {
      assertEquals(1, listing.count());
    }
  }
}
