package org.humiao.events.journal;

import org.humiao.durable.PrivateFiles;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file, named by the offset of its first record ({@code 00000000000000000000.log}),
 * open for appending. Only the writer thread touches it; readers open files of their own.
 */
final class Segment implements Closeable {
  private static final System.Logger LOG = System.getLogger(Segment.class.getName());
  static final String SUFFIX = ".log";

  private final long baseOffset;
  private final FileChannel channel;
  private long size;
  private long nextOffset;

  private Segment(long baseOffset, FileChannel channel, long size, long nextOffset) {
    this.baseOffset = baseOffset;
    this.channel = channel;
    this.size = size;
    this.nextOffset = nextOffset;
  }

  static String fileName(long baseOffset) {
    return "%020d%s".formatted(baseOffset, SUFFIX);
  }

  static Segment create(Path directory, long baseOffset) throws IOException {
    FileChannel channel = PrivateFiles.open(directory.resolve(fileName(baseOffset)),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new Segment(baseOffset, channel, 0, baseOffset);
  }

  /**
   * Reopens a segment whose first {@code size} bytes, records up to {@code nextOffset}, are known
   * good (synced), cutting whatever a failed write left after them.
   */
  static Segment reopen(Path directory, long baseOffset, long size, long nextOffset) throws IOException {
    FileChannel channel = PrivateFiles.open(directory.resolve(fileName(baseOffset)), StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      channel.truncate(size);
      channel.force(true);
      channel.position(size);
      return new Segment(baseOffset, channel, size, nextOffset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Opens the last segment after a stop or crash: keeps every whole, valid record and cuts the
   * file at the first torn or corrupt one. Records after a bad one are dropped even if intact:
   * none of them was acknowledged, because a batch is acknowledged only after all of it is synced.
   */
  static Segment recover(Path file, long baseOffset) throws IOException {
    FileChannel channel = PrivateFiles.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FrameReader reader = new FrameReader(channel, baseOffset);
      long next = baseOffset;
      try {
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
          next = frame.offset() + 1;
        }
      } catch (CorruptFrameException e) {
        LOG.log(System.Logger.Level.WARNING, "journal segment {0}: {1}; cutting {2} bytes of unacknowledged tail",
            file, e.getMessage(), channel.size() - reader.position());
        channel.truncate(reader.position());
        channel.force(true);
      }
      channel.position(reader.position());
      return new Segment(baseOffset, channel, reader.position(), next);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  long baseOffset() {
    return baseOffset;
  }

  long size() {
    return size;
  }

  long nextOffset() {
    return nextOffset;
  }

  /** Writes whole frames holding {@code records} records; the caller forces. */
  void write(ByteBuffer frames, int records) throws IOException {
    int bytes = frames.remaining();
    while (frames.hasRemaining()) {
      channel.write(frames);
    }
    size += bytes;
    nextOffset += records;
  }

  /**
   * fdatasync on Linux: it syncs the data and the file length that appended data needs, and skips
   * the timestamps, which would cost a second journal write per batch.
   */
  void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
