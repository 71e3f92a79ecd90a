package org.humiao.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rows of the screening tables under src/test/resources/screening/, for every test that reads them. */
public final class ScreeningTableRows {
  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private ScreeningTableRows() {}

  /** The file's rows as written (tab-separated columns, \\uXXXX escapes kept), without blanks and # comments. */
  public static Stream<String> rows(String file) {
    try {
      return Files.readAllLines(Path.of("src/test/resources/screening", file), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A column with its \\uXXXX escapes turned into the characters they name (zero-width and other invisible ones). */
  public static String unescape(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(sb).toString();
  }
}
