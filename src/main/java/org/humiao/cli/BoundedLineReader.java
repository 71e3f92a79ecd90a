package org.humiao.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than {@code maxLength} chars of one, so a file of any
 * size, even one enormous line, streams in constant memory. An over-long line is reported by
 * its length and skipped.
 */
final class BoundedLineReader {
  /** One line: its text, or null with the full length when it was over the limit. */
  record Line(String text, long length) {
    boolean overLimit() {
      return text == null;
    }
  }

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int limit;
  private boolean eof;

  BoundedLineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The next line without its terminator (\n, \r\n), or null at the end of input. */
  Line next() throws IOException {
    line.setLength(0);
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || (limit = in.read(buffer)) < 0) {
          eof = true;
          limit = 0;
          pos = 0;
          return any ? finish(length) : null;
        }
        pos = 0;
      }
      any = true;
      char c = buffer[pos++];
      if (c == '\n') {
        return finish(length);
      }
      if (length < maxLength + 1L) {
        line.append(c);
      }
      length++;
    }
  }

  private Line finish(long length) {
    if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && length <= maxLength + 1L) {
      line.setLength(line.length() - 1);
      length--;
    }
    return length > maxLength ? new Line(null, length) : new Line(line.toString(), length);
  }
}
