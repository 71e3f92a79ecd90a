package org.humiao.durable;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A durable FIFO of records still to send (NPPA reports, pile-on callbacks), so that a restart loses none of them.
 *
 * <p>On disk: an append-only log {@code outbox-<generation>.jsonl} of one JSON record per line,
 * and {@code committed} holding "generation offset": the log bytes before the offset are
 * reported. Appends are fsynced before they return; the committed file is replaced atomically
 * (write, fsync, rename). Opening replays the lines after the offset; a last line the crash cut
 * short (no newline, or not JSON) was never acknowledged and is cut off.
 *
 * <p>Delivered lines do not wait for a compaction to leave the disk: each commit overwrites them
 * with spaces in place (after {@code committed} names the new offset, so a crash between the two
 * never replays a blank line), and forces them. An NPPA record holds a user's {@code pi}; once
 * delivered, nothing needs it, and a deletion request finds none of a user's delivered records
 * (docs/privacy.md). A failed overwrite is retried from the same offset by the next commit.
 *
 * <p>Once the committed part of the log passes a threshold, the pending lines are copied to the
 * next generation, which becomes current by the same atomic rename of {@code committed}; a crash
 * in between leaves the old generation current and the new file is deleted as stale on open.
 *
 * <p>Delivery is at least once: a crash after the receiver accepted a batch but before its commit
 * sends that batch again. Records are stored as one JSON object each, by the codec the subclass gives.
 *
 * <p>Thread-safe, but its methods block on disk: call {@link #append} and {@link #commit} from a
 * thread that may block and that is never interrupted, since an interrupt closes a FileChannel.
 */
public class JsonOutbox<T> implements Closeable {

  public static final long DEFAULT_COMPACT_AFTER_BYTES = 1 << 20;

  static final String COMMITTED = "committed";
  private static final String COMMITTED_TMP = COMMITTED + ".tmp";
  private static final String LOG_PREFIX = "outbox-";
  private static final String LOG_SUFFIX = ".jsonl";

  private static final System.Logger LOG = System.getLogger(JsonOutbox.class.getName());

  private final Path dir;
  private final long compactAfterBytes;
  private final Function<T, JsonObject> encoder;
  private final Function<JsonObject, T> decoder;
  private final ArrayDeque<Entry<T>> pending = new ArrayDeque<>();
  private long generation;
  private long committedOffset;
  private FileChannel log;
  private long logEnd;
  /** The log bytes before this offset are overwritten with spaces; from 0 after an open, to cover a crash's leftovers. */
  private long blankedTo;

  /** A pending record and the log offset just past its line, which committing it moves to. */
  private record Entry<T>(T record, long end) {
  }

  /**
   * Opens the outbox in {@code dir}, replaying what an earlier run left pending.
   *
   * @param decoder throws a RuntimeException for a line that is not a record
   */
  protected JsonOutbox(Path dir, long compactAfterBytes, Function<T, JsonObject> encoder,
                       Function<JsonObject, T> decoder) throws IOException {
    this.dir = dir;
    this.compactAfterBytes = compactAfterBytes;
    this.encoder = encoder;
    this.decoder = decoder;
    replay();
  }

  /** Returns once the records are on disk, in order after everything appended before. */
  public synchronized void append(Collection<T> records) throws IOException {
    List<Entry<T>> added = new ArrayList<>(records.size());
    LineBuffer lines = new LineBuffer();
    for (T record : records) {
      lines.appendLine(encoder.apply(record).encode());
      added.add(new Entry<>(record, logEnd + lines.size()));
    }
    try {
      writeFully(log, ByteBuffer.wrap(lines.toByteArray()), logEnd);
      // force(false) is fdatasync: it also persists the grown file size, which reading back needs
      log.force(false);
    } catch (IOException e) {
      // cut off whatever part was written, so the next append does not follow a torn line
      log.truncate(logEnd);
      throw e;
    }
    logEnd += lines.size();
    pending.addAll(added);
    notifyAll();
  }

  /** Waits until a record is pending, then returns up to {@code max} of the oldest, leaving them pending. */
  public synchronized List<T> awaitBatch(int max) throws InterruptedException {
    while (pending.isEmpty()) {
      wait();
    }
    List<T> batch = new ArrayList<>(Math.min(max, pending.size()));
    for (Entry<T> entry : pending) {
      if (batch.size() == max) {
        break;
      }
      batch.add(entry.record());
    }
    return batch;
  }

  /** Marks the {@code count} oldest pending records as handled; they will not be replayed. */
  public synchronized void commit(int count) throws IOException {
    if (count < 1 || count > pending.size()) {
      throw new IllegalArgumentException("cannot commit " + count + " of " + pending.size() + " pending records");
    }
    long offset = pending.stream().skip(count - 1).findFirst().orElseThrow().end();
    writeCommitted(generation, offset);
    for (int i = 0; i < count; i++) {
      pending.removeFirst();
    }
    committedOffset = offset;
    blankDelivered();
    if (committedOffset >= compactAfterBytes) {
      try {
        compact();
      } catch (IOException e) {
        // the commit stands; only the log keeps growing until a later commit compacts it
        LOG.log(System.Logger.Level.WARNING, "outbox compaction failed in " + dir, e);
      }
    }
  }

  /**
   * Overwrites the committed lines not yet blanked with spaces and forces them. The commit stands
   * whatever happens here: a failure is logged and the next commit tries the same bytes again.
   */
  private void blankDelivered() {
    if (blankedTo >= committedOffset) {
      return;
    }
    byte[] spaces = new byte[Math.toIntExact(committedOffset - blankedTo)];
    Arrays.fill(spaces, (byte) ' ');
    try {
      writeFully(log, ByteBuffer.wrap(spaces), blankedTo);
      log.force(false);
      blankedTo = committedOffset;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "outbox could not overwrite delivered records in " + dir
          + "; the next commit tries again", e);
    }
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  /** A copy of the pending records, in order. */
  public synchronized List<T> pendingRecords() {
    return pending.stream().map(Entry::record).toList();
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }

  private void replay() throws IOException {
    PrivateFiles.createDirectories(dir);
    readCommitted();
    Path current = logPath(generation);
    deleteStaleFiles(current);
    log = PrivateFiles.open(current, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    syncDirectory();
    long size = log.size();
    if (committedOffset > size) {
      throw new IOException("outbox " + current + " is shorter (" + size + ") than its committed offset " + committedOffset);
    }
    byte[] bytes = readFully(log, committedOffset, Math.toIntExact(size - committedOffset));
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      T record = parseLine(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
      if (record == null) {
        if (i + 1 < bytes.length) {
          throw new IOException("outbox " + current + " is corrupt at byte " + (committedOffset + lineStart));
        }
        break; // the last write, cut by a crash after its newline reached disk but not all before it
      }
      pending.add(new Entry<>(record, committedOffset + i + 1));
      lineStart = i + 1;
    }
    logEnd = pending.isEmpty() ? committedOffset : pending.getLast().end();
    if (logEnd < size) {
      log.truncate(logEnd);
      log.force(true);
    }
  }

  /** Null for a line that is not a valid record. */
  private T parseLine(String line) {
    try {
      return decoder.apply(new JsonObject(line));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void compact() throws IOException {
    long next = generation + 1;
    Path nextPath = logPath(next);
    FileChannel nextLog = PrivateFiles.open(nextPath,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE);
    List<Entry<T>> moved = new ArrayList<>(pending.size());
    LineBuffer lines = new LineBuffer();
    try {
      for (Entry<T> entry : pending) {
        lines.appendLine(encoder.apply(entry.record()).encode());
        moved.add(new Entry<>(entry.record(), lines.size()));
      }
      writeFully(nextLog, ByteBuffer.wrap(lines.toByteArray()), 0);
      nextLog.force(true);
      syncDirectory();
      writeCommitted(next, 0);
    } catch (IOException e) {
      nextLog.close();
      Files.deleteIfExists(nextPath);
      throw e;
    }
    Path previous = logPath(generation);
    log.close();
    Files.deleteIfExists(previous);
    log = nextLog;
    generation = next;
    committedOffset = 0;
    blankedTo = 0;
    logEnd = lines.size();
    pending.clear();
    pending.addAll(moved);
  }

  private void readCommitted() throws IOException {
    Path file = dir.resolve(COMMITTED);
    if (!Files.exists(file)) {
      return;
    }
    String[] fields = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
    try {
      generation = Long.parseLong(fields[0]);
      committedOffset = Long.parseLong(fields[1]);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IOException("unreadable " + file, e);
    }
  }

  private void writeCommitted(long gen, long offset) throws IOException {
    Path tmp = dir.resolve(COMMITTED_TMP);
    try (FileChannel channel = PrivateFiles.open(tmp,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      writeFully(channel, ByteBuffer.wrap((gen + " " + offset + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(true);
    }
    Files.move(tmp, dir.resolve(COMMITTED), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory();
  }

  private void deleteStaleFiles(Path current) throws IOException {
    Files.deleteIfExists(dir.resolve(COMMITTED_TMP));
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, LOG_PREFIX + "*" + LOG_SUFFIX)) {
      for (Path file : logs) {
        if (!file.getFileName().equals(current.getFileName())) {
          Files.delete(file);
        }
      }
    }
  }

  /** A created, renamed or deleted file is durable only once its directory entry is. */
  private void syncDirectory() throws IOException {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private Path logPath(long gen) {
    return dir.resolve(LOG_PREFIX + gen + LOG_SUFFIX);
  }

  private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length);
    while (bytes.hasRemaining()) {
      if (channel.read(bytes, position + bytes.position()) < 0) {
        throw new IOException("outbox log shrank while being read");
      }
    }
    return bytes.array();
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes, position + bytes.position());
    }
  }

  /** Collects newline-terminated UTF-8 lines and knows their byte length so far. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    void appendLine(String line) {
      writeBytes(line.getBytes(StandardCharsets.UTF_8));
      write('\n');
    }
  }
}
