package org.humiao.screening.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rows of a lexicon TSV file: UTF-8, one entry a line, TAB between columns, {@code #} comments and blank lines skipped. */
public final class TsvFile {
  private TsvFile() {}

  /** @throws LexiconException when the file cannot be read */
  public static List<Row> rows(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LexiconException("cannot read " + file + ": " + e.getMessage());
    }
    List<Row> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        rows.add(new Row(file, i + 1, line.split("\t")));
      }
    }
    return rows;
  }

  /** The first column of every row. */
  public static List<String> column(Path file) {
    List<String> values = new ArrayList<>();
    for (Row row : rows(file)) {
      values.add(row.col(0));
    }
    return values;
  }

  /** One line of a file, numbered from 1, for messages that name it. */
  public record Row(Path file, int line, String[] columns) {
    public String col(int i) {
      return columns[i].strip();
    }

    public void expectColumns(int n) {
      if (columns.length != n) {
        throw error("expected " + n + " tab-separated columns, found " + columns.length);
      }
    }

    public LexiconException error(String message) {
      return new LexiconException(file + ":" + line + ": " + message);
    }
  }
}
