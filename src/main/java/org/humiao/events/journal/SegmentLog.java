package org.humiao.events.journal;

import org.humiao.durable.PrivateFiles;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of segments: assigns offsets, frames records into a write buffer, rolls to a new
 * segment at the size limit and syncs. Mutated by the writer thread only; readers see
 * {@link #durableEnd()} and {@link #bases()}, both published after the data they describe.
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
  private volatile List<Long> bases;
  private volatile long durableEnd;

  private SegmentLog(Path directory, long segmentBytes, List<Long> bases, Segment active) {
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.bases = List.copyOf(bases);
    this.active = active;
    this.next = active.nextOffset();
    this.durableEnd = next;
  }

  /** Opens the log in {@code directory}, creating it, and recovers the last segment. */
  static SegmentLog open(Path directory, long segmentBytes) throws IOException {
    PrivateFiles.createDirectories(directory);
    List<Long> bases = listBases(directory);
    if (bases.isEmpty()) {
      Segment first = Segment.create(directory, 0);
      syncDirectory(directory);
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
    flush();
    active.force();
    durableEnd = next;
  }

  private void roll() throws IOException {
    flush();
    active.force();
    active.close();
    active = Segment.create(directory, next);
    // the new file's directory entry must be durable before anything in it is acknowledged
    syncDirectory(directory);
    List<Long> grown = new ArrayList<>(bases);
    grown.add(next);
    bases = List.copyOf(grown);
  }

  private void flush() throws IOException {
    pending.flip();
    active.write(pending, pendingRecords);
    pending.clear();
    pendingRecords = 0;
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  @Override
  public void close() throws IOException {
    active.close();
  }
}
