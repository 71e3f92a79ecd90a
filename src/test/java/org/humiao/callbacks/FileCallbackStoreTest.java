package org.humiao.callbacks;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded profile's store: {@link CallbackStoreContract}, each store opened anew on one data dir (a restart). */
class FileCallbackStoreTest extends CallbackStoreContract {
  @TempDir
  Path dir;

  @Override
  protected CallbackStore open() throws Exception {
    return FileCallbackStore.open(dir);
  }
}
