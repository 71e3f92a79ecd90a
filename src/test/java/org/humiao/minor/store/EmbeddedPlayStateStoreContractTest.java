package org.humiao.minor.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class EmbeddedPlayStateStoreContractTest extends PlayStateStoreContract {
  @TempDir
  Path dir;

  @BeforeEach
  void open() {
    store = EmbeddedPlayStateStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }
}
