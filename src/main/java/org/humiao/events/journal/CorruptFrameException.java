package org.humiao.events.journal;

import java.io.IOException;

/** A record that is torn (cut short) or fails its checks; {@link #position()} is where it starts. */
final class CorruptFrameException extends IOException {
  private final long position;

  CorruptFrameException(long position, String reason) {
    super(reason + " at byte " + position);
    this.position = position;
  }

  long position() {
    return position;
  }
}
