package org.humiao.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories of the data dir, created readable by the service's own user only (0600
 * and 0700): they hold platform user ids, birth dates, pseudonyms and person links. On a file
 * system without POSIX permissions they are created as the system does.
 */
public final class PrivateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<?>[] FILE = attributes("rw-------");
  private static final FileAttribute<?>[] DIRECTORY = attributes("rwx------");

  /** How a channel is opened, as {@link FileChannel#open(Path, Set, FileAttribute[])} takes it. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException;
  }

  /**
   * Test seam, never replaced in production: tests open channels that hold {@code force()} on a
   * latch or lose what was not forced (a simulated power loss), through the test-side {@code CrashDisk}.
   */
  static volatile Opener opener = FileChannel::open;

  private PrivateFiles() {}

  private static FileAttribute<?>[] attributes(String permissions) {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }

  /** Creates {@code directory} and any missing parents, each 0700; existing ones are left as they are. */
  public static Path createDirectories(Path directory) throws IOException {
    return Files.createDirectories(directory, DIRECTORY);
  }

  /** Writes {@code bytes} as the whole content of {@code file} (0600 if new) and forces them to disk. */
  public static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(channel, ByteBuffer.wrap(bytes));
      channel.force(true);
    }
  }

  /** Writes a file's content; what {@link #replace} fills its temporary file with. */
  @FunctionalInterface
  public interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  /**
   * Replaces {@code file} atomically: the content goes to a temporary file (0600) beside it, is
   * forced to disk, renamed over {@code file}, and the directory is forced, so after a crash the
   * file is either the old one or the whole new one, and once this returns the new one is durable.
   */
  public static void replace(Path file, Content content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel = open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      content.writeTo(channel);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /** Writes all of {@code bytes} at the channel's position. */
  public static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Forces {@code directory}'s entries (files created, renamed or deleted in it) to disk. */
  public static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  /**
   * Opens {@code file} as {@link FileChannel#open} does; a file it creates is 0600. Every channel
   * that writes durable data is opened here, which is what lets tests simulate a power loss.
   */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    return opener.open(file, Set.of(options), FILE);
  }
}
