package org.humiao.minor.store;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.durable.GroupCommit;
import org.humiao.durable.PrivateFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An append-only log of state changes, one JSON object per line, compacted by snapshot. A crash can
 * leave only the last line incomplete (a change whose call never returned): replay drops and
 * truncates it. Damage anywhere else is refused, as replaying past it would silently lose counted
 * play or payments.
 *
 * <p>Appends group-commit on a writer thread of their own ({@link GroupCommit}): a sync covers
 * every line queued before it, and the appending thread never waits on the disk. An fsync costs a
 * fifth of a millisecond here; one per change would cap the store at a few thousand changes a
 * second, and a thread waiting on each would keep a worker per request.
 *
 * <p><b>Compaction.</b> Once the live log ({@value #ACTIVE}) passes the compaction size after a
 * sync, the writer renames it to {@code minor-state.<generation>.jsonl} (generations rise by one)
 * and starts an empty one. A compactor thread then folds the snapshot ({@value #SNAPSHOT}) and every
 * renamed log into a fresh {@link PlayState} and writes that state as a new snapshot, whose first
 * line names the last generation it covers, replaced atomically (temporary file, fsync, rename,
 * directory fsync); only then does it delete the logs it covers. On open: the snapshot, then the
 * renamed logs past its generation, then the live log, so a restart replays only what came after
 * the snapshot; renamed logs a crash left behind that the snapshot covers are deleted, not replayed
 * (a payment would count twice).
 *
 * <p><b>Forgetting.</b> {@link #compactNow()} rotates the live log at once and compacts: an erase
 * change appended before it is folded into the new snapshot, and the logs that still held the
 * erased lines (and the erase line itself) are deleted, so no file keeps them.
 *
 * <p><b>A failed write</b> (a full disk): a change is applied in memory when it is queued, before it
 * is on disk, so a batch that fails is not dropped: its lines are kept, the file is cut back to its
 * last sync, and they are written first by the next batch or the writer's retry, keeping the file
 * equal to memory. Their requests were refused (503), so they may count or not, as after a crash;
 * the writer refuses new changes until that rewrite succeeds, so the lines kept stay bounded by the queue.
 */
final class WriteAheadLog implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WriteAheadLog.class.getName());
  static final String ACTIVE = "minor-state.jsonl";
  static final String SNAPSHOT = "minor-state.snapshot.jsonl";
  private static final Pattern RENAMED = Pattern.compile("minor-state\\.(\\d{10})\\.jsonl");
  /** Changes waiting for the disk at most; past that a change is refused (503), not queued without bound. */
  private static final int QUEUE_CAPACITY = 65_536;
  private static final int MAX_BATCH = 4_096;
  private static final int SNAPSHOT_VERSION = 1;
  /** Queued (by identity, never written) to rotate the live log after the batch it ends up in. */
  private static final byte[] ROTATE = new byte[0];

  private final Path directory;
  private final Path file;
  private final long compactBytes;
  private final GroupCommit<byte[], Void> writer;
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "humiao-state-compactor");
    thread.setDaemon(true);
    return thread;
  });
  /** Writer thread only from here on. */
  private FileChannel channel;
  /** Length of the live log at its last sync. */
  private long synced;
  /** The generation the next renamed log gets. */
  private long nextGeneration;
  /** Lines applied in memory whose write failed, owed to the file before any new one. */
  private final List<byte[]> owed = new ArrayList<>();
  /** A write, sync or rename failed since the last sync: the file must be reopened and cut back first. */
  private boolean damaged;

  private WriteAheadLog(Path directory, FileChannel channel, long synced, long nextGeneration, long compactBytes) {
    this.directory = directory;
    this.file = directory.resolve(ACTIVE);
    this.channel = channel;
    this.synced = synced;
    this.nextGeneration = nextGeneration;
    this.compactBytes = compactBytes;
    this.writer = new GroupCommit<>("state-log", directory, this::write, QUEUE_CAPACITY, MAX_BATCH);
  }

  /**
   * Opens (creating) the log in {@code directory} and applies the snapshot and every change after
   * it to {@code state}, in order; compacts the live log each time it passes {@code compactBytes}.
   */
  static WriteAheadLog open(Path directory, PlayState state, long compactBytes) {
    try {
      PrivateFiles.createDirectories(directory);
      Files.deleteIfExists(directory.resolve(SNAPSHOT + ".tmp"));
      long covered = readSnapshot(directory.resolve(SNAPSHOT), state);
      long last = covered;
      for (long generation : renamed(directory)) {
        Path renamed = directory.resolve(renamedName(generation));
        if (generation <= covered) {
          Files.delete(renamed);
        } else {
          replayLines(renamed, Files.readAllBytes(renamed), state::apply);
          last = generation;
        }
      }
      Path file = directory.resolve(ACTIVE);
      FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      byte[] bytes = Files.readAllBytes(file);
      long good = replayLines(file, bytes, state::apply);
      if (good < bytes.length) {
        channel.truncate(good);
        channel.force(true);
      }
      channel.position(good);
      WriteAheadLog log = new WriteAheadLog(directory, channel, good, last + 1, compactBytes);
      if (last > covered) {
        // renamed logs a crash left uncompacted
        log.compactor.execute(log::compact);
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open state log in " + directory, e);
    }
  }

  /** Applies the snapshot's changes; returns the last generation it covers (0: no snapshot). */
  private static long readSnapshot(Path snapshot, PlayState state) throws IOException {
    if (!Files.exists(snapshot)) {
      return 0;
    }
    long[] covered = {-1};
    replayLines(snapshot, Files.readAllBytes(snapshot), line -> {
      if (covered[0] < 0) {
        if (line.getInteger("snapshot", 0) != SNAPSHOT_VERSION) {
          throw new IllegalStateException(snapshot + ": not a version " + SNAPSHOT_VERSION + " snapshot");
        }
        covered[0] = line.getLong("covers");
      } else {
        state.apply(line);
      }
    });
    if (covered[0] < 0) {
      throw new IllegalStateException(snapshot + " is empty; a snapshot is only ever replaced whole");
    }
    return covered[0];
  }

  private static List<Long> renamed(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> RENAMED.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Long.parseLong(m.group(1)))
          .sorted()
          .toList();
    }
  }

  private static String renamedName(long generation) {
    return "minor-state.%010d.jsonl".formatted(generation);
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
   * disk is too far behind, with {@link org.humiao.durable.StorageFullException} while it is full.
   */
  CompletableFuture<Void> append(JsonObject change) {
    return writer.submit((change.encode() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Rotates the live log behind every change appended so far and compacts everything up to it
   * into the snapshot; completes once the logs it covers are deleted, or fails with why not (they
   * stay, and are compacted again by the next rotation).
   */
  CompletableFuture<Void> compactNow() {
    return writer.submit(ROTATE).thenRunAsync(() -> {
      try {
        compactCovered();
      } catch (IOException e) {
        throw new UncheckedIOException("state log compaction failed", e);
      }
    }, compactor);
  }

  /** Completes once every change appended so far is on disk. */
  CompletableFuture<?> flushed() {
    return writer.flushed();
  }

  /** What refuses appends now (a full disk, a failing write), until a write succeeds again. */
  Optional<RuntimeException> writeFailure() {
    return writer.failure();
  }

  private List<Void> write(List<byte[]> lines) throws IOException {
    boolean rotateNow = false;
    for (byte[] line : lines) {
      if (line == ROTATE) {
        rotateNow = true;
      } else {
        owed.add(line);
      }
    }
    try {
      if (damaged) {
        reopen();
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
    if (rotateNow) {
      // asked for: a failure must reach the caller, who cannot report the lines gone
      rotateOrThrow();
    } else if (synced >= compactBytes) {
      rotate();
    }
    return Collections.nCopies(lines.size(), null);
  }

  /**
   * Reopens the live log cut back to its last sync, dropping what a failed write left (freeing its
   * space); after a failed rotation, whichever file now has the live name, created empty if none.
   */
  private void reopen() throws IOException {
    try {
      channel.close();
    } catch (IOException ignored) {
      // everything synced is on disk; the rest is cut below
    }
    channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    channel.truncate(synced);
    channel.position(synced);
    channel.force(true);
    PrivateFiles.syncDirectory(directory);
    damaged = false;
  }

  /**
   * Renames the synced live log to the next generation, starts an empty one and hands the
   * compactor the work. The batch that led here is already durable, so a failure is only logged:
   * the next write reopens whichever file is live.
   */
  private void rotate() {
    try {
      rotateOrThrow();
      compactor.execute(this::compact);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "state log rotation failed; the next write reopens the log", e);
    }
  }

  /** Renames the live log to the next generation and starts an empty one; on failure the next write reopens. */
  private void rotateOrThrow() throws IOException {
    try {
      channel.close();
      Files.move(file, directory.resolve(renamedName(nextGeneration)), StandardCopyOption.ATOMIC_MOVE);
      nextGeneration++;
      synced = 0;
      channel = PrivateFiles.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      // the rename and the new file are durable before anything is acknowledged from it
      PrivateFiles.syncDirectory(directory);
    } catch (IOException e) {
      damaged = true;
      throw e;
    }
  }

  /**
   * On the compactor thread: folds the snapshot and the renamed logs into a new snapshot, then
   * deletes those logs. A failure (a full disk) leaves them in place, replayed on open and folded
   * in by the next compaction.
   */
  private void compact() {
    try {
      compactCovered();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "state log compaction failed; the logs stay and are compacted later", e);
    }
  }

  /** Folds the snapshot and every renamed log into a new snapshot, then deletes those logs. */
  private void compactCovered() throws IOException {
    List<Long> generations = renamed(directory);
    if (generations.isEmpty()) {
      return;
    }
    PlayState image = new PlayState();
    long covered = readSnapshot(directory.resolve(SNAPSHOT), image);
    long covers = covered;
    for (long generation : generations) {
      if (generation > covered) {
        Path renamed = directory.resolve(renamedName(generation));
        replayLines(renamed, Files.readAllBytes(renamed), image::apply);
        covers = generation;
      }
    }
    long through = covers;
    PrivateFiles.replace(directory.resolve(SNAPSHOT), channel -> writeSnapshot(channel, image, through));
    for (long generation : generations) {
      if (generation <= through) {
        Files.delete(directory.resolve(renamedName(generation)));
      }
    }
    PrivateFiles.syncDirectory(directory);
  }

  private static void writeSnapshot(FileChannel channel, PlayState image, long covers) throws IOException {
    // not closed here: closing the stream would close the channel before it is forced
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    Consumer<JsonObject> line = change -> {
      try {
        out.write((change.encode() + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // through the map walk; PrivateFiles.replace then drops the temporary file
        throw new UncheckedIOException(e);
      }
    };
    line.accept(new JsonObject().put("snapshot", SNAPSHOT_VERSION).put("covers", covers));
    image.writeSnapshot(line);
    out.flush();
  }

  /** Writes every queued change, lets a compaction under way finish, then closes the file. */
  @Override
  public void close() {
    try {
      writer.close();
      compactor.shutdown();
      compactor.awaitTermination(1, TimeUnit.MINUTES);
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
