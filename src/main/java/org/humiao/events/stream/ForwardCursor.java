package org.humiao.events.stream;

import org.humiao.durable.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The forwarder's durable position: one decimal number in a small file, the journal offset of the
 * first event Kafka has not acknowledged (the last acknowledged offset plus one, so a journal
 * nobody forwarded yet is 0 rather than a -1). Written to a temporary file, forced, and renamed
 * over the old one, so a crash leaves either the old or the new position, never a torn one; an
 * old one only means events are sent again, which consumers de-duplicate by id.
 */
final class ForwardCursor {
  private final Path file;
  private final Path temporary;

  ForwardCursor(Path file) {
    this.file = file;
    this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
  }

  /** The stored position, or 0 when nothing was ever acknowledged. */
  long read() throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return 0;
    }
    try {
      long offset = Long.parseLong(text);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException("the Kafka forwarder cursor " + file + " holds \"" + text + "\", not an offset");
  }

  void write(long offset) throws IOException {
    PrivateFiles.writeSynced(temporary, (offset + "\n").getBytes(StandardCharsets.US_ASCII));
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
