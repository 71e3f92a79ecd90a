package org.humiao.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A command that cannot go on, with a message that says what to do about it; exit status 1. */
final class CommandFailure extends RuntimeException {
  CommandFailure(String message) {
    super(message);
  }

  /** A file the command must read: fails up front, naming it, rather than with a stack trace midway. */
  static Path readableFile(Path file, String what, String hint) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CommandFailure("cannot read " + what + " " + file + ": "
          + (Files.exists(file) ? "not a readable file" : "no such file") + " (paths are relative to "
          + workingDirectory() + "); " + hint);
    }
    return file;
  }

  /** A directory the command reads from, such as the lexicons. */
  static Path directory(Path dir, String what, String hint) {
    if (!Files.isDirectory(dir)) {
      throw new CommandFailure("cannot read " + what + " " + dir + ": no such directory (paths are relative to "
          + workingDirectory() + "); " + hint);
    }
    return dir;
  }

  static Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }
}
