package org.humiao.events.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the frames of one segment front to back through a buffer (one system call per 64 KiB,
 * not per record), checking each: whole, length in bounds, CRC, and offsets consecutive from the
 * segment's base. Recovery and readers share it, so both judge a record by the same rules.
 */
final class FrameReader {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final FileChannel channel;
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).flip();
  private long position;
  private long expectedOffset;

  /** Reads {@code channel} from its start; the first record must carry {@code baseOffset}. */
  FrameReader(FileChannel channel, long baseOffset) throws IOException {
    this.channel = channel.position(0);
    this.expectedOffset = baseOffset;
  }

  /** Where the next frame starts: after a {@link CorruptFrameException}, the length of the good prefix. */
  long position() {
    return position;
  }

  /** The next frame, or null at a clean end of the segment. */
  Frame next() throws IOException {
    if (!fill(FrameFormat.HEADER_BYTES)) {
      if (buffer.hasRemaining()) {
        throw new CorruptFrameException(position, "torn header");
      }
      return null;
    }
    int length = buffer.getInt(buffer.position());
    if (length < 0 || length > FrameFormat.MAX_PAYLOAD_BYTES) {
      throw new CorruptFrameException(position, "impossible length " + length);
    }
    if (!fill(FrameFormat.HEADER_BYTES + length)) {
      throw new CorruptFrameException(position, "torn record");
    }
    buffer.getInt();
    int crc = buffer.getInt();
    long offset = buffer.getLong();
    byte[] payload = new byte[length];
    buffer.get(payload);
    if (crc != FrameFormat.checksum(length, offset, payload)) {
      throw new CorruptFrameException(position, "CRC mismatch");
    }
    if (offset != expectedOffset) {
      throw new CorruptFrameException(position, "offset " + offset + " where " + expectedOffset + " belongs");
    }
    position += FrameFormat.HEADER_BYTES + length;
    expectedOffset++;
    return new Frame(offset, payload);
  }

  /** Tries to have {@code bytes} unread bytes in the buffer; false when the file ends first. */
  private boolean fill(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return true;
    }
    ByteBuffer target = buffer.capacity() >= bytes ? buffer.compact() : ByteBuffer.allocate(bytes).put(buffer);
    while (target.position() < bytes && channel.read(target) >= 0) {
      // keep reading: a read may return fewer bytes than asked for
    }
    buffer = target.flip();
    return buffer.remaining() >= bytes;
  }
}
