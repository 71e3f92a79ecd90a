package org.humiao.events.journal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Entries in offset order over {@code [from, end)}, where {@code end} was durable when the cursor
 * was made; it opens segment files of its own, so it never sees a record being written. Not
 * thread-safe; close it. Damage found here is in synced data, and surfaces as
 * {@link UncheckedIOException} rather than being skipped.
 */
public final class JournalCursor implements Iterator<JournalEntry>, AutoCloseable {
  private final Path directory;
  private final List<Long> bases;
  private final long from;
  private final long end;
  private int segment;
  private FileChannel channel;
  private FrameReader reader;
  private long next;
  private JournalEntry peeked;

  JournalCursor(Path directory, List<Long> bases, long from, long end) {
    this.directory = directory;
    this.bases = bases;
    this.from = from;
    this.end = end;
    // the segment holding `from`: the last one starting at or before it
    int found = Collections.binarySearch(bases, from);
    this.segment = found >= 0 ? found : Math.max(0, -found - 2);
    this.next = bases.get(segment);
  }

  @Override
  public boolean hasNext() {
    try {
      while (peeked == null && next < end) {
        Frame frame = readFrame();
        next = frame.offset() + 1;
        if (frame.offset() >= from) {
          peeked = new JournalEntry(frame.offset(), ViolationEvent.fromJson(new JsonObject(Buffer.buffer(frame.payload()))));
        }
      }
      return peeked != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public JournalEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JournalEntry entry = peeked;
    peeked = null;
    return entry;
  }

  private Frame readFrame() throws IOException {
    while (true) {
      if (reader == null) {
        if (segment >= bases.size() || bases.get(segment) != next) {
          throw new IOException("journal has no segment for offset " + next + " (durable end " + end + ")");
        }
        Path file = directory.resolve(Segment.fileName(bases.get(segment)));
        channel = FileChannel.open(file, StandardOpenOption.READ);
        reader = new FrameReader(channel, bases.get(segment));
      }
      Frame frame = reader.next();
      if (frame != null) {
        return frame;
      }
      closeSegment();
      segment++;
    }
  }

  private void closeSegment() throws IOException {
    reader = null;
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public void close() {
    try {
      closeSegment();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
