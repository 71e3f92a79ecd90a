package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileOutboxTest {

  @TempDir
  Path dir;

  @Test
  void replaysWhatWasNotCommittedAfterACrash() throws Exception {
    FileOutbox first = FileOutbox.open(dir);
    first.append(NppaFixture.logins(5));
    first.commit(2);
    // crash: the object is dropped without close() or any further commit

    FileOutbox reopened = FileOutbox.open(dir);

    assertEquals(NppaFixture.logins(5).subList(2, 5), reopened.awaitBatch(128));
  }

  @Test
  void takesTheOldestFirstAndLeavesThemUntilCommitted() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(5));

      assertEquals(NppaFixture.logins(2), outbox.awaitBatch(2));
      assertEquals(NppaFixture.logins(2), outbox.awaitBatch(2), "not removed before commit");
      outbox.commit(2);
      assertEquals(NppaFixture.logins(5).subList(2, 4), outbox.awaitBatch(2));
      assertThrows(IllegalArgumentException.class, () -> outbox.commit(4));
    }
  }

  @Test
  void everythingCommittedIsNeverReplayed() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(3));
      outbox.commit(3);
    }
    try (FileOutbox reopened = FileOutbox.open(dir)) {
      assertEquals(0, reopened.pendingCount());
    }
  }

  @Test
  void aTornLastLineIsCutOffAndAppendingGoesOn() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(2));
    }
    String whole = NppaFixture.login(3).toJson().encode();
    Files.writeString(log(), whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

    try (FileOutbox reopened = FileOutbox.open(dir)) {
      assertEquals(NppaFixture.logins(2), reopened.awaitBatch(128));
      assertEquals(lineBytes(1) + lineBytes(2), Files.size(log()), "the torn bytes are gone from disk");
      reopened.append(List.of(NppaFixture.login(4)));
    }
    try (FileOutbox again = FileOutbox.open(dir)) {
      assertEquals(List.of(NppaFixture.login(1), NppaFixture.login(2), NppaFixture.login(4)), again.awaitBatch(128));
    }
  }

  @Test
  void aGarbledLastLineIsTornToo() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(2));
    }
    Files.write(log(), new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);

    try (FileOutbox reopened = FileOutbox.open(dir)) {
      assertEquals(NppaFixture.logins(2), reopened.awaitBatch(128));
    }
  }

  @Test
  void corruptionBeforeTheLastLineIsAnError() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(1));
    }
    String valid = Files.readString(log());
    Files.writeString(log(), "not json\n" + valid, StandardCharsets.UTF_8);

    assertThrows(IOException.class, () -> FileOutbox.open(dir));
  }

  @Test
  void compactionKeepsThePendingRecordsAcrossRestarts() throws Exception {
    long tiny = 200; // bytes: a couple of lines, so every commit compacts
    try (FileOutbox outbox = FileOutbox.open(dir, tiny)) {
      outbox.append(NppaFixture.logins(10));
      outbox.commit(4);
      outbox.append(List.of(NppaFixture.login(11)));
      outbox.commit(3);
    }
    try (FileOutbox reopened = FileOutbox.open(dir, tiny)) {
      assertEquals(NppaFixture.logins(11).subList(7, 11), reopened.awaitBatch(128));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("committed", "outbox-2.jsonl"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aCompactionCutShortByACrashIsIgnored() throws Exception {
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(3));
      outbox.commit(1);
    }
    // the next generation was being written when the process died; committed still names generation 0
    Files.writeString(dir.resolve("outbox-1.jsonl"), "{\"si\":\"half");

    try (FileOutbox reopened = FileOutbox.open(dir)) {
      assertEquals(NppaFixture.logins(3).subList(1, 3), reopened.awaitBatch(128));
    }
    assertEquals(false, Files.exists(dir.resolve("outbox-1.jsonl")));
  }

  @Test
  void aDeliveredRecordLeavesTheDiskAtItsCommitNotAtTheNextCompaction() throws Exception {
    // the default threshold: no compaction in this test, so only the overwrite at commit can remove a line
    try (FileOutbox outbox = FileOutbox.open(dir)) {
      outbox.append(NppaFixture.logins(5));
      outbox.commit(3);
      String stored = stored();
      for (int i = 1; i <= 3; i++) {
        assertFalse(stored.contains(NppaFixture.pi(i)), "delivered record " + i + " is still on disk");
      }
      for (int i = 4; i <= 5; i++) {
        assertTrue(stored.contains(NppaFixture.pi(i)), "pending record " + i + " is kept until it is delivered");
      }
      outbox.commit(2);
      assertFalse(stored().contains(NppaFixture.pi(4)) || stored().contains(NppaFixture.pi(5)),
          "the last two, delivered, are gone too");
      outbox.append(List.of(NppaFixture.login(6)));
    }
    try (FileOutbox reopened = FileOutbox.open(dir)) {
      assertEquals(List.of(NppaFixture.login(6)), reopened.awaitBatch(128), "the blanks are never replayed");
      reopened.commit(1);
    }
    assertFalse(stored().contains(NppaFixture.pi(6)));
  }

  /** Every file of the outbox, as text. */
  private String stored() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        all.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  private static long lineBytes(int i) {
    return NppaFixture.login(i).toJson().encode().getBytes(StandardCharsets.UTF_8).length + 1;
  }

  private Path log() {
    return dir.resolve("outbox-0.jsonl");
  }
}
