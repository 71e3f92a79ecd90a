package org.humiao.events.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How one event is framed on disk, big-endian:
 *
 * <pre>
 *   length  u32   bytes of payload
 *   crc     u32   CRC32C over length, offset and payload
 *   offset  u64   the event's sequence number
 *   payload       the event as UTF-8 JSON (schema v1, {@code ViolationEvent.toJson()})
 * </pre>
 *
 * The offset is framed, not implied by position, so a record copied or replayed into the wrong
 * place is caught; the CRC covers the length too, so a flipped length bit cannot send a reader
 * off into the middle of another record.
 */
final class FrameFormat {
  static final int HEADER_BYTES = 16;
  /** Evidence is small; a larger payload is a bug upstream, and the bound lets recovery reject absurd lengths. */
  static final int MAX_PAYLOAD_BYTES = 1 << 20;

  private FrameFormat() {}

  static int frameBytes(byte[] payload) {
    return HEADER_BYTES + payload.length;
  }

  static void write(ByteBuffer target, long offset, byte[] payload) {
    target.putInt(payload.length).putInt(checksum(payload.length, offset, payload)).putLong(offset).put(payload);
  }

  static int checksum(int length, long offset, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(length).putLong(offset).flip());
    crc.update(payload);
    return (int) crc.getValue();
  }
}
