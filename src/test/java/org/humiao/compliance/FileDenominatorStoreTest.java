package org.humiao.compliance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded profile's day files: the contract, a restart being a reopen of the data dir. */
class FileDenominatorStoreTest extends DenominatorStoreContract {
  @TempDir
  Path dir;

  @BeforeEach
  void openStore() throws Exception {
    store = FileDenominatorStore.open(dir, Denominator.SCREENED_TEXTS);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  DenominatorStore reopen() throws Exception {
    store.close();
    store = FileDenominatorStore.open(dir, Denominator.SCREENED_TEXTS);
    return store;
  }

  @Override
  DenominatorStore peer() {
    return store;
  }

  @Override
  DenominatorStore beside(Denominator denominator) throws Exception {
    return FileDenominatorStore.open(dir, denominator);
  }

  @Test
  void aDayIsOnePrivateFileAndNoTemporaryFileStays() throws Exception {
    store.add(Map.of(new TallyKey(DAY, "a", "530502"), 3L));
    Path file = dir.resolve(FileDenominatorStore.DIR).resolve("screened-" + DAY + ".json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "only the day's file");
    }
  }
}
