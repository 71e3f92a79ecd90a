package org.humiao.screening.model;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming reader of labelled text files, in constant memory (one record at a time).
 *
 * <p>Formats, chosen by file extension:
 *
 * <ul>
 *   <li>{@code .csv}: RFC 4180 CSV with a header row; quoted fields may contain commas, doubled
 *       quotes and line breaks; an optional UTF-8 byte-order mark is skipped. The columns named
 *       {@code text} and {@code label} (case-insensitive) are used, and {@code topic} when present;
 *       all others are ignored.
 *   <li>{@code .jsonl} / {@code .json}: one JSON object per line, {@code {"text": "...", "label":
 *       0|1}}; keys are matched case-insensitively, blank lines are skipped.
 *   <li>{@code .tsv}: the sentence tables' format, {@code text<TAB>label[<TAB>kind[<TAB>...]]},
 *       no header; lines starting with {@code #} and blank lines are skipped. Their rows have
 *       no topic: a kind (insult, game_talk, ...) says what a sentence is, not where it was
 *       collected, so leave-one-topic-out always trains on them.
 * </ul>
 *
 * <p>Labels may be {@code 0}/{@code 1}, {@code false}/{@code true} or
 * {@code innocent}/{@code harmful}; anything else is an error
 * ({@link IllegalArgumentException} naming the file and record).
 */
public final class LabelledCorpus implements Iterable<LabelledText> {

  private final Path path;

  private LabelledCorpus(Path path) {
    this.path = path;
  }

  /**
   * A re-iterable view of the file. Every {@link #iterator()} opens the file anew and closes it
   * once exhausted; use {@link #open(Path)} or {@link #forEach(Path, Consumer)} when iteration may
   * stop early.
   */
  public static LabelledCorpus of(Path path) {
    return new LabelledCorpus(path);
  }

  public Path path() {
    return path;
  }

  @Override
  public Iterator<LabelledText> iterator() {
    return open(path);
  }

  @Override
  public void forEach(Consumer<? super LabelledText> action) {
    forEach(path, action);
  }

  /** Calls {@code action} for every record of the file, in file order. */
  public static void forEach(Path path, Consumer<? super LabelledText> action) {
    try (Reader r = open(path)) {
      while (r.hasNext()) {
        action.accept(r.next());
      }
    }
  }

  /** A lazy stream of the file's records; close it (try-with-resources) to release the file. */
  public static Stream<LabelledText> stream(Path path) {
    Reader r = open(path);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(r::close);
  }

  /** Opens a closeable iterator over the file's records. */
  public static Reader open(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    boolean tsv = name.endsWith(".tsv");
    if (!csv && !tsv && !name.endsWith(".jsonl") && !name.endsWith(".json")) {
      throw new IllegalArgumentException("unsupported corpus format (want .csv, .tsv, .jsonl or .json): " + path);
    }
    java.io.Reader in;
    try {
      in = new BufferedReader(
          new InputStreamReader(Files.newInputStream(path),
              StandardCharsets.UTF_8.newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)),
          1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
    if (csv) {
      return new CsvReader(path.toString(), in);
    }
    return tsv ? new TsvReader(path.toString(), in) : new JsonlReader(path.toString(), in);
  }

  /** CSV from an arbitrary character stream (for tests and callers that are not file based). */
  public static Reader csv(String sourceName, java.io.Reader in) {
    return new CsvReader(sourceName, in);
  }

  /** JSONL from an arbitrary character stream. */
  public static Reader jsonl(String sourceName, java.io.Reader in) {
    return new JsonlReader(sourceName, in);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing useful to do
    }
  }

  static boolean parseLabel(String raw, String source, long record) {
    String s = raw == null ? "" : raw.trim();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "harmful":
        return true;
      case "0":
      case "false":
      case "innocent":
        return false;
      default:
        throw new IllegalArgumentException(
            source + ": record " + record + ": bad label '" + raw + "' (want 0/1 or innocent/harmful)");
    }
  }

  /** A closeable, single-pass iterator over records; closes itself when exhausted. */
  public abstract static class Reader implements Iterator<LabelledText>, AutoCloseable {
    final String source;
    final java.io.Reader in;
    private LabelledText pending;
    private boolean done;

    Reader(String source, java.io.Reader in) {
      this.source = source;
      this.in = in;
    }

    /** Reads the next record, or returns null at end of input. */
    abstract LabelledText read() throws IOException;

    @Override
    public final boolean hasNext() {
      if (pending != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        pending = read();
      } catch (CharacterCodingException e) {
        close();
        throw new UncheckedIOException(source + ": not valid UTF-8", e);
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(source + ": read failed", e);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      if (pending == null) {
        close();
        return false;
      }
      return true;
    }

    @Override
    public final LabelledText next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      LabelledText t = pending;
      pending = null;
      return t;
    }

    @Override
    public final void close() {
      if (!done) {
        done = true;
        closeQuietly(in);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // CSV

  static final class CsvReader extends Reader {
    private final StringBuilder field = new StringBuilder(256);
    private final List<String> fields = new ArrayList<>();
    private int textCol = -1;
    private int labelCol = -1;
    private int topicCol = -1;
    private long record; // 1-based index of the last record read, header = record 1
    private boolean started;
    private int peeked = -2; // -2: nothing peeked

    CsvReader(String source, java.io.Reader in) {
      super(source, in);
    }

    private int read1() throws IOException {
      if (peeked != -2) {
        int c = peeked;
        peeked = -2;
        return c;
      }
      return in.read();
    }

    /**
     * Reads one record into {@link #fields}. Returns false at end of input (no record). A line
     * that is completely empty yields a record with a single empty field.
     */
    private boolean readRecord() throws IOException {
      fields.clear();
      field.setLength(0);
      int c = read1();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = read1();
        }
      }
      if (c == -1) {
        return false;
      }
      record++;
      boolean quoted = false;
      boolean afterQuote = false; // closing quote of a quoted field seen
      boolean fieldStart = true;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new IllegalArgumentException(source + ": record " + record + ": unterminated quoted field");
          }
          if (c == '"') {
            int d = read1();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              afterQuote = true;
              c = d;
              continue;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          fieldStart = true;
          afterQuote = false;
          c = read1();
          continue;
        } else if (c == '\n' || c == '\r' || c == -1) {
          if (c == '\r') {
            int d = read1();
            if (d != '\n') {
              peeked = d;
            }
          }
          fields.add(field.toString());
          return true;
        } else if (c == '"' && fieldStart) {
          quoted = true;
        } else {
          if (afterQuote) {
            throw new IllegalArgumentException(
                source + ": record " + record + ": characters after closing quote");
          }
          field.append((char) c);
        }
        fieldStart = false;
        c = read1();
      }
    }

    @Override
    LabelledText read() throws IOException {
      if (textCol < 0) {
        if (!readRecord()) {
          throw new IllegalArgumentException(source + ": empty file, no CSV header");
        }
        for (int i = 0; i < fields.size(); i++) {
          String h = fields.get(i).trim();
          if (h.equalsIgnoreCase("text") && textCol < 0) {
            textCol = i;
          } else if (h.equalsIgnoreCase("label") && labelCol < 0) {
            labelCol = i;
          } else if (h.equalsIgnoreCase("topic") && topicCol < 0) {
            topicCol = i;
          }
        }
        if (textCol < 0 || labelCol < 0) {
          throw new IllegalArgumentException(
              source + ": CSV header needs columns 'text' and 'label', got " + fields);
        }
      }
      while (readRecord()) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue; // blank line
        }
        int need = Math.max(textCol, labelCol);
        if (fields.size() <= need) {
          throw new IllegalArgumentException(
              source + ": record " + record + ": " + fields.size() + " fields, need " + (need + 1));
        }
        String topic = topicCol >= 0 && topicCol < fields.size() ? fields.get(topicCol).trim() : "";
        return new LabelledText(fields.get(textCol), parseLabel(fields.get(labelCol), source, record), topic);
      }
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // JSONL

  /** One record per line: a byte-order mark on the first line and blank lines are skipped. */
  abstract static class LineReader extends Reader {
    private final BufferedReader lines;
    private long lineNo;

    LineReader(String source, java.io.Reader in) {
      super(source, in instanceof BufferedReader b ? b : new BufferedReader(in));
      this.lines = (BufferedReader) this.in;
    }

    /** Whether a (non-blank) line holds no record, such as a comment. */
    boolean skip(String line) {
      return false;
    }

    abstract LabelledText parse(String line, long lineNo);

    @Override
    final LabelledText read() throws IOException {
      String line;
      while ((line = lines.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (!line.isBlank() && !skip(line)) {
          return parse(line, lineNo);
        }
      }
      return null;
    }
  }

  static final class JsonlReader extends LineReader {
    JsonlReader(String source, java.io.Reader in) {
      super(source, in);
    }

    @Override
    LabelledText parse(String line, long lineNo) {
      JsonObject o;
      try {
        o = new JsonObject(line);
      } catch (DecodeException e) {
        throw new IllegalArgumentException(source + ": line " + lineNo + ": bad JSON: " + e.getMessage(), e);
      }
      Object text = null;
      Object label = null;
      boolean hasText = false;
      boolean hasLabel = false;
      for (String k : o.fieldNames()) {
        if (!hasText && k.equalsIgnoreCase("text")) {
          text = o.getValue(k);
          hasText = true;
        } else if (!hasLabel && k.equalsIgnoreCase("label")) {
          label = o.getValue(k);
          hasLabel = true;
        }
      }
      if (!(text instanceof String s)) {
        throw new IllegalArgumentException(source + ": line " + lineNo + ": missing string field 'text'");
      }
      boolean y;
      if (label instanceof Boolean b) {
        y = b;
      } else if (label instanceof Number n) {
        double d = n.doubleValue();
        if (d == 1.0) {
          y = true;
        } else if (d == 0.0) {
          y = false;
        } else {
          throw new IllegalArgumentException(source + ": line " + lineNo + ": bad label " + n + " (want 0 or 1)");
        }
      } else if (label instanceof String ls) {
        y = parseLabel(ls, source, lineNo);
      } else {
        throw new IllegalArgumentException(source + ": line " + lineNo + ": missing field 'label'");
      }
      return new LabelledText(s, y);
    }
  }

  // ------------------------------------------------------------------------------------------
  // TSV

  static final class TsvReader extends LineReader {
    TsvReader(String source, java.io.Reader in) {
      super(source, in);
    }

    @Override
    boolean skip(String line) {
      return line.startsWith("#");
    }

    @Override
    LabelledText parse(String line, long lineNo) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 2) {
        throw new IllegalArgumentException(source + ": line " + lineNo + ": want text<TAB>label");
      }
      return new LabelledText(cols[0], parseLabel(cols[1], source, lineNo));
    }
  }
}
