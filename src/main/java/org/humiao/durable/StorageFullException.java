package org.humiao.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A durable write failed because its file system is out of space (ENOSPC, or a quota): nothing of
 * it was acknowledged, and the writer retries by itself, so the caller should answer "try again
 * shortly" rather than report a bug.
 */
public final class StorageFullException extends RuntimeException {
  /**
   * Below this much usable space a failed write counts as "disk full" even when its message does not
   * say so (the JDK's error text follows the process locale, so it may not be English).
   */
  static final long LOW_SPACE_BYTES = 16L << 20;

  StorageFullException(String name, IOException cause) {
    super(name + ": the disk is full (" + cause.getMessage() + ")", cause);
  }

  /**
   * What a store throws for {@code failure}, a write into {@code directory} that nothing will retry
   * (the caller answers at once): this exception when it failed for lack of space, so the request is
   * answered 503 storage_full; otherwise the failure, unchecked.
   */
  public static RuntimeException of(String name, IOException failure, Path directory) {
    return outOfSpace(failure, directory) ? new StorageFullException(name, failure)
        : new UncheckedIOException(name + ": " + failure.getMessage(), failure);
  }

  /** True when {@code failure}, a write into {@code directory}, failed for lack of space. */
  static boolean outOfSpace(IOException failure, Path directory) {
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("no space left") || message.contains("quota exceeded")) {
      return true;
    }
    try {
      return Files.getFileStore(directory).getUsableSpace() < LOW_SPACE_BYTES;
    } catch (IOException | RuntimeException unknown) {
      return false;
    }
  }
}
