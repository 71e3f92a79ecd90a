package org.humiao.events.journal;

import org.humiao.durable.PrivateFiles;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of segments: assigns offsets, frames records into a write buffer, rolls to a new
 * segment at the size limit and syncs. Written by the writer thread only; retention drops old
 * segments from another thread, and the list of segments changes under this object's lock. Readers
 * see {@link #durableEnd()} and {@link #bases()}, both published after the data they describe.
 *
 * <p>A failed write or sync leaves the files in an unknown state; {@link #rollback()} puts them back
 * to the last sync (dropping segments begun since, cutting the last synced one to its synced length),
 * which on a full disk frees what the failed write took.
 */
final class SegmentLog implements Closeable {
  private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{20}" + Pattern.quote(Segment.SUFFIX));

  private final Path directory;
  private final long segmentBytes;
  /** Direct, so a batch goes to the kernel without another copy; sized so any one frame fits. */
  private final ByteBuffer pending = ByteBuffer.allocateDirect(FrameFormat.HEADER_BYTES + FrameFormat.MAX_PAYLOAD_BYTES);
  private int pendingRecords;
  private Segment active;
  private long next;
  /** The segment holding the last synced record and its synced length: where a rollback returns to. */
  private long syncedBase;
  private long syncedSize;
  /** A write or sync failed since the last sync. */
  private boolean failed;
  private volatile List<Long> bases;
  private volatile long durableEnd;

  private SegmentLog(Path directory, long segmentBytes, List<Long> bases, Segment active) {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.bases = List.copyOf(bases);
    this.active = active;
    this.next = active.nextOffset();
    this.durableEnd = next;
    this.syncedBase = active.baseOffset();
    this.syncedSize = active.size();
  }

  /** Opens the log in {@code directory}, creating it, and recovers the last segment. */
  static SegmentLog open(Path directory, long segmentBytes) throws IOException {
    PrivateFiles.createDirectories(directory);
    List<Long> bases = listBases(directory);
    if (bases.isEmpty()) {
      Segment first = Segment.create(directory, 0);
      PrivateFiles.syncDirectory(directory);
      return new SegmentLog(directory, segmentBytes, List.of(0L), first);
    }
    long last = bases.get(bases.size() - 1);
    return new SegmentLog(directory, segmentBytes, bases, Segment.recover(directory.resolve(Segment.fileName(last)), last));
  }

  private static List<Long> listBases(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> SEGMENT_NAME.matcher(name).matches())
          .map(name -> Long.parseLong(name.substring(0, name.length() - Segment.SUFFIX.length())))
          .sorted()
          .toList();
    }
  }

  Path directory() {
    return directory;
  }

  /** Offsets below this are synced and readable. */
  long durableEnd() {
    return durableEnd;
  }

  /** Base offsets of all segments, ascending; read after {@link #durableEnd()} it covers every durable offset. */
  List<Long> bases() {
    return bases;
  }

  /** Frames {@code payload} under the next offset; durable only after {@link #sync()}. */
  long append(byte[] payload) throws IOException {
    int bytes = FrameFormat.frameBytes(payload);
    failed = true; // until the sync that makes it durable
    long filled = active.size() + pending.position();
    if (filled > 0 && filled + bytes > segmentBytes) {
      roll();
    }
    if (pending.remaining() < bytes) {
      flush();
    }
    long offset = next++;
    FrameFormat.write(pending, offset, payload);
    pendingRecords++;
    return offset;
  }

  /** Writes what is buffered, forces it to disk, then lets readers see it. */
  void sync() throws IOException {
    failed = true;
    flush();
    active.force();
    synchronized (this) {
      syncedBase = active.baseOffset();
      syncedSize = active.size();
    }
    durableEnd = next;
    failed = false;
  }

  /** True when a write or sync failed since the last sync, so {@link #rollback()} must come first. */
  boolean needsRollback() {
    return failed;
  }

  /**
   * Puts the files back to the last sync: segments begun since are deleted, the last synced one is
   * cut to its synced length and reopened, and offsets continue from the durable end. Nothing lost
   * was acknowledged, since a batch is acknowledged only after its sync.
   */
  synchronized void rollback() throws IOException {
    pending.clear();
    pendingRecords = 0;
    // its channel may be half-written or already closed by a failed roll; it is reopened below
    try {
      active.close();
    } catch (IOException ignored) {
      // closing cannot lose anything wanted: everything synced is on disk
    }
    for (long base : listBases(directory)) {
      if (base > syncedBase) {
        Files.deleteIfExists(directory.resolve(Segment.fileName(base)));
      }
    }
    List<Long> kept = new ArrayList<>();
    for (long base : bases) {
      if (base <= syncedBase) {
        kept.add(base);
      }
    }
    bases = List.copyOf(kept);
    active = Segment.reopen(directory, syncedBase, syncedSize, durableEnd);
    next = durableEnd;
    PrivateFiles.syncDirectory(directory);
    failed = false;
  }

  /**
   * Bases of the oldest segments, in order, each wholly before {@code keepFrom} and last written
   * before {@code cutoff}; never the segment being written. Deleting them leaves the log gap-free.
   */
  synchronized List<Long> expired(Instant cutoff, long keepFrom) throws IOException {
    List<Long> expired = new ArrayList<>();
    List<Long> all = bases;
    for (int i = 0; i + 1 < all.size(); i++) {
      long following = all.get(i + 1);
      if (following > syncedBase || following > keepFrom) {
        break;
      }
      FileTime written = Files.getLastModifiedTime(directory.resolve(Segment.fileName(all.get(i))));
      if (!written.toInstant().isBefore(cutoff)) {
        break;
      }
      expired.add(all.get(i));
    }
    return expired;
  }

  /**
   * Deletes the segments wholly below {@code firstKept}, which must be a segment's base at or below
   * the last synced one. Readers that hold one open keep reading it; new reads start at {@code firstKept}.
   */
  synchronized void dropBefore(long firstKept) throws IOException {
    if (firstKept > syncedBase) {
      throw new IllegalArgumentException("segment " + firstKept + " is past the last synced one, " + syncedBase);
    }
    List<Long> kept = bases.stream().filter(base -> base >= firstKept).toList();
    List<Long> dropped = bases.stream().filter(base -> base < firstKept).toList();
    bases = kept;
    for (long base : dropped) {
      Files.deleteIfExists(directory.resolve(Segment.fileName(base)));
    }
    PrivateFiles.syncDirectory(directory);
  }

  private void roll() throws IOException {
    flush();
    active.force();
    active.close();
    active = Segment.create(directory, next);
    // the new file's directory entry must be durable before anything in it is acknowledged
    PrivateFiles.syncDirectory(directory);
    synchronized (this) {
      List<Long> grown = new ArrayList<>(bases);
      grown.add(next);
      bases = List.copyOf(grown);
    }
  }

  private void flush() throws IOException {
    pending.flip();
    active.write(pending, pendingRecords);
    pending.clear();
    pendingRecords = 0;
  }

  @Override
  public void close() throws IOException {
    active.close();
  }
}
