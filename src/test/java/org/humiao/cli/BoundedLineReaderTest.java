package org.humiao.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedLineReaderTest {
  @Test
  void splitsLinesAndDropsTheirTerminators() throws IOException {
    BoundedLineReader lines = new BoundedLineReader(new StringReader("一\r\n二\n\n三"), 10);
    assertEquals("一", lines.next().text());
    assertEquals("二", lines.next().text());
    assertEquals("", lines.next().text());
    assertEquals("三", lines.next().text());
    assertNull(lines.next());
  }

  @Test
  void reportsAnOverLongLineByItsLengthAndGoesOn() throws IOException {
    BoundedLineReader lines = new BoundedLineReader(new StringReader("abcdef\nabc\n"), 3);
    BoundedLineReader.Line tooLong = lines.next();
    assertTrue(tooLong.overLimit());
    assertEquals(6, tooLong.length());
    assertEquals("abc", lines.next().text());
    assertNull(lines.next());
  }

  /**
   * A 600-million-char line (1.2 GB as a Java string, more than this test JVM's heap) passes
   * through: only the limit's worth of it is ever held.
   */
  @Test
  void aHugeLineStreamsInConstantMemory() throws IOException {
    long size = 600_000_000L;
    BoundedLineReader lines = new BoundedLineReader(new RepeatingReader(size), 5000);
    BoundedLineReader.Line line = lines.next();
    assertTrue(line.overLimit());
    assertEquals(size, line.length());
    assertEquals("after", lines.next().text());
  }

  /** {@code size} chars of 'x', then "\nafter". */
  private static final class RepeatingReader extends Reader {
    private long remaining;
    private final char[] tail = "\nafter".toCharArray();
    private int tailPos;

    RepeatingReader(long size) {
      this.remaining = size;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (remaining > 0) {
        int n = (int) Math.min(len, remaining);
        java.util.Arrays.fill(buf, off, off + n, 'x');
        remaining -= n;
        return n;
      }
      if (tailPos == tail.length) {
        return -1;
      }
      int n = Math.min(len, tail.length - tailPos);
      System.arraycopy(tail, tailPos, buf, off, n);
      tailPos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
