package org.humiao.events.stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardCursorTest {
  @TempDir
  Path dir;

  @Test
  void startsAtZeroAndKeepsTheLastPositionWritten() throws IOException {
    ForwardCursor cursor = new ForwardCursor(dir.resolve("cursor"));
    assertEquals(0, cursor.read());
    cursor.write(41);
    cursor.write(1_000_000_007L);
    assertEquals(1_000_000_007L, new ForwardCursor(dir.resolve("cursor")).read());
    assertFalse(Files.exists(dir.resolve("cursor.tmp")), "the temporary file was moved into place");
  }

  @Test
  void refusesAFileThatHoldsNoOffset() throws IOException {
    Files.writeString(dir.resolve("cursor"), "-3\n");
    IOException e = assertThrows(IOException.class, () -> new ForwardCursor(dir.resolve("cursor")).read());
    assertTrue(e.getMessage().contains("cursor"), e.getMessage());
  }
}
