package org.humiao.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded profile's request log: the contract, a restart being the file opened again. */
class FilePrivacyLogTest extends PrivacyLogContract {
  @TempDir
  Path dir;

  @BeforeEach
  void open() {
    log = FilePrivacyLog.open(dir);
  }

  @AfterEach
  void close() {
    log.close();
  }

  @Override
  PrivacyLog reopen() {
    log.close();
    log = FilePrivacyLog.open(dir);
    return log;
  }
}
