package org.humiao.minor.store;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;
import org.humiao.durable.GroupCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An append-only log of state changes, one JSON object per line. A crash can leave only the last
 * line incomplete (a change whose call never returned): replay drops and truncates it. Damage
 * anywhere else is refused, as replaying past it would silently lose counted play or payments.
 *
 * <p>Appends group-commit on a writer thread of their own ({@link GroupCommit}): a sync covers
 * every line queued before it, and the appending thread never waits on the disk. An fsync costs a
 * fifth of a millisecond here; one per change would cap the store at a few thousand changes a
 * second, and a thread waiting on each would keep a worker per request.
 *
 * <p>A change is applied in memory when it is queued, before it is on disk. So a batch that fails
 * (a full disk) is not dropped: its lines are kept, the file is cut back to its last sync, and they
 * are written first by the next batch or the writer's retry, keeping the file equal to memory. Their
 * requests were refused (503), so they may count or not, as after a crash; the writer refuses new
 * changes until that rewrite succeeds, so the lines kept stay bounded by the queue.
 */
final class WriteAheadLog implements AutoCloseable {
  /** Changes waiting for the disk at most; past that a change is refused (503), not queued without bound. */
  private static final int QUEUE_CAPACITY = 65_536;
  private static final int MAX_BATCH = 4_096;

  private final Path file;
  private final GroupCommit<byte[], Void> writer;
  /** Writer thread only from here on. */
  private FileChannel channel;
  /** Length of the file at its last sync. */
  private long synced;
  /** Lines applied in memory whose write failed, owed to the file before any new one. */
  private final List<byte[]> owed = new ArrayList<>();
  /** A write or sync failed since the last sync: the file must be cut back before the next. */
  private boolean damaged;

  private WriteAheadLog(Path file, FileChannel channel, long synced) {
    this.file = file;
    this.channel = channel;
    this.synced = synced;
    this.writer = new GroupCommit<>("state-log", file.toAbsolutePath().getParent(), this::write, QUEUE_CAPACITY,
        MAX_BATCH);
  }

  /** Opens (creating) the log and hands every complete change to {@code replay}, in order. */
  static WriteAheadLog open(Path file, Consumer<JsonObject> replay) {
    try {
      PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
      FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      byte[] bytes = Files.readAllBytes(file);
      long good = replayLines(file, bytes, replay);
      if (good < bytes.length) {
        channel.truncate(good);
        channel.force(true);
      }
      channel.position(good);
      return new WriteAheadLog(file, channel, good);
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

  /**
   * Queues a change; the future completes once it is on disk. Changes are written in the order
   * they were appended. Fails at once with {@link org.humiao.durable.QueueFullException} when the
   * disk is too far behind.
   */
  CompletableFuture<Void> append(JsonObject change) {
    return writer.submit((change.encode() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Completes once every change appended so far is on disk. */
  CompletableFuture<?> flushed() {
    return writer.flushed();
  }

  private List<Void> write(List<byte[]> lines) throws IOException {
    owed.addAll(lines);
    try {
      if (damaged) {
        cutBack();
      }
      for (byte[] line : owed) {
        PrivateFiles.writeFully(channel, ByteBuffer.wrap(line));
      }
      channel.force(false);
    } catch (IOException e) {
      damaged = true;
      throw e;
    }
    synced = channel.position();
    owed.clear();
    return Collections.nCopies(lines.size(), null);
  }

  /** Cuts the file back to its last sync, dropping what a failed write left (freeing its space). */
  private void cutBack() throws IOException {
    channel.truncate(synced);
    channel.position(synced);
    channel.force(false);
    damaged = false;
  }

  /** Writes every queued change, then closes the file. */
  @Override
  public void close() {
    try {
      writer.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing state log " + file, e);
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close state log " + file, e);
      }
    }
  }
}
