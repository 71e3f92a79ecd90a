package org.humiao.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped lexicons and model against two hand-written tables: evasions that must be caught
 * in their category, and innocent texts (game chat, school talk, place names, idioms) that must
 * pass.
 */
class ScreeningTablesTest {
  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  static Stream<Arguments> evasions() throws IOException {
    return rows("evasions.tsv").map(line -> {
      String[] cols = line.split("\t");
      return Arguments.of(unescape(cols[0]), cols[1].strip());
    });
  }

  static Stream<String> innocents() throws IOException {
    return rows("innocent.tsv").map(ScreeningTablesTest::unescape);
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("evasions")
  void evasionIsCaughtInItsCategory(String text, String category) {
    ScreeningResult result = ShippedEngine.get().screen(text);
    assertTrue(result.flagged(), () -> "not flagged: " + ScreeningJson.of(result).encode());
    assertTrue(result.categories().stream().anyMatch(c -> c.category().id().equals(category)),
        () -> "expected " + category + ": " + ScreeningJson.of(result).encode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("innocents")
  void innocentTextPasses(String text) {
    ScreeningResult result = ShippedEngine.get().screen(text);
    assertEquals(Decision.PASS, result.decision(), () -> ScreeningJson.of(result).encode());
  }

  @org.junit.jupiter.api.Test
  void tablesHoldAtLeastTwoHundredCasesEach() throws IOException {
    assertTrue(evasions().count() >= 200, "evasions");
    assertTrue(innocents().count() >= 200, "innocents");
  }

  private static Stream<String> rows(String file) throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/screening", file), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"));
  }

  private static String unescape(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(sb).toString();
  }
}
