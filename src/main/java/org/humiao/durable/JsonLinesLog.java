package org.humiao.durable;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An append-only file of JSON lines (0600, in a 0700 directory), each line forced to disk before
 * {@link #append} returns and every whole line handed back on {@link #open}. A last line a crash cut
 * short was never acknowledged: it is dropped and the file cut back to the lines before it; a broken
 * line before the end is damage, and opening fails. Not thread-safe: its owner holds its own lock.
 */
public final class JsonLinesLog implements AutoCloseable {
  private final Path file;
  private final String name;
  private final FileChannel channel;

  private JsonLinesLog(Path file, String name, FileChannel channel) {
    this.file = file;
    this.name = name;
    this.channel = channel;
  }

  /**
   * Opens (or creates) {@code file} and hands each whole line to {@code replay}, in order.
   *
   * @param name what the file holds, for messages ("the case log")
   */
  public static JsonLinesLog open(Path file, String name, Consumer<JsonObject> replay) throws IOException {
    PrivateFiles.createDirectories(file.getParent());
    FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      long good = replay(Files.readAllBytes(file), name, replay);
      channel.truncate(good);
      channel.position(good);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new JsonLinesLog(file, name, channel);
  }

  /** Applies every whole line; answers the length of the bytes that hold them. */
  private static long replay(byte[] bytes, String name, Consumer<JsonObject> replay) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      JsonObject json;
      try {
        json = new JsonObject(line);
      } catch (DecodeException e) {
        if (i + 1 < bytes.length) {
          throw new IllegalStateException(name + " is corrupt before its end: " + line, e);
        }
        return start;
      }
      replay.accept(json);
      start = i + 1;
    }
    // a last line without its newline was being written when the service stopped
    return start;
  }

  /**
   * Appends {@code line} and forces it.
   *
   * @throws StorageFullException when the disk is full (503 storage_full); an {@link UncheckedIOException} otherwise
   */
  public void append(JsonObject line) {
    long end = -1;
    try {
      end = channel.position();
      PrivateFiles.writeFully(channel, ByteBuffer.wrap((line.encode() + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException e) {
      cutBack(end);
      throw StorageFullException.of("cannot write " + name, e, file.getParent());
    }
  }

  /** A failed write is cut off again, so the next line does not follow half of this one. */
  private void cutBack(long end) {
    if (end >= 0) {
      try {
        channel.truncate(end);
        channel.position(end);
      } catch (IOException ignored) {
        // the next open drops a torn last line anyway
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}
