package org.humiao.minor.store;

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
 * An append-only log of state changes, one JSON object per line, forced to disk before {@link
 * #append} returns. A crash can leave only the last line incomplete (a change whose call never
 * returned): replay drops and truncates it. Damage anywhere else is refused, as replaying past it
 * would silently lose counted play or payments.
 *
 * <p>Appends group-commit: a force covers every line written before it, so callers that wrote
 * while another's force ran find their lines already forced, or share the next force. An fsync
 * costs a fifth of a millisecond here; one per call would cap the store at a few thousand changes a
 * second whatever the thread count.
 */
final class WriteAheadLog implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final Object writeLock = new Object();
  private final Object forceLock = new Object();
  /** Bytes written since open; guarded by writeLock. */
  private long written;
  /** Bytes known forced; guarded by forceLock. */
  private long forced;

  private WriteAheadLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating) the log and hands every complete change to {@code replay}, in order. */
  static WriteAheadLog open(Path file, Consumer<JsonObject> replay) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      byte[] bytes = Files.readAllBytes(file);
      long good = replayLines(file, bytes, replay);
      if (good < bytes.length) {
        channel.truncate(good);
        channel.force(true);
      }
      channel.position(good);
      return new WriteAheadLog(file, channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open state log " + file, e);
    }
  }

  /** Returns the length of the intact prefix. */
  private static long replayLines(Path file, byte[] bytes, Consumer<JsonObject> replay) {
    int start = 0;
    int lineNo = 0;
    while (start < bytes.length) {
      int nl = indexOf(bytes, (byte) '\n', start);
      if (nl < 0) {
        return start; // unterminated: the write of a change whose call never returned
      }
      lineNo++;
      String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
      if (!line.isBlank()) {
        JsonObject change;
        try {
          change = new JsonObject(line);
        } catch (DecodeException e) {
          if (nl + 1 == bytes.length) {
            return start;
          }
          throw new IllegalStateException(file + ": line " + lineNo + " is damaged and not the last one", e);
        }
        replay.accept(change);
      }
      start = nl + 1;
    }
    return start;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  void append(JsonObject change) {
    ByteBuffer buf = ByteBuffer.wrap((change.encode() + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      long end;
      synchronized (writeLock) {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
        written += buf.capacity();
        end = written;
      }
      synchronized (forceLock) {
        if (forced < end) {
          long target;
          synchronized (writeLock) {
            target = written;
          }
          channel.force(false);
          forced = target;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to state log " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      synchronized (forceLock) {
        synchronized (writeLock) {
          channel.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close state log " + file, e);
    }
  }
}
