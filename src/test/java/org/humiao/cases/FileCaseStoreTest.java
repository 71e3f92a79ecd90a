package org.humiao.cases;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The embedded profile's case log: the contract, a restart being a reopen of the data dir, and a torn last line. */
class FileCaseStoreTest extends CaseStoreContract {
  @TempDir
  Path dir;

  @BeforeEach
  void openStore() throws Exception {
    store = FileCaseStore.open(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  CaseStore reopen() throws Exception {
    store.close();
    store = FileCaseStore.open(dir);
    return store;
  }

  @Override
  CaseStore peer() {
    return store;
  }

  @Test
  void aLineCutByACrashIsDroppedAndTheLogGoesOnAfterIt() throws Exception {
    store.open(opening("a", T0));
    store.act("a", step(CaseStatus.ACKNOWLEDGED, T0.plusSeconds(60)));
    Path log = dir.resolve("cases").resolve(FileCaseStore.FILE);
    Files.writeString(log, "{\"act\":\"a\",\"action\":{\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    reopen();
    assertEquals(CaseStatus.ACKNOWLEDGED, store.find("a").orElseThrow().status());
    store.act("a", step(CaseStatus.CLOSED, T0.plusSeconds(120)));
    reopen();
    assertEquals(3, store.find("a").orElseThrow().version(), "the step after the torn line was kept");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    assertFalse(Files.readString(log).contains("\"at\":\"2026-\""), "the torn line is gone");
  }
}
