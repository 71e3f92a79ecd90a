package org.humiao.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped lexicons and model against two hand-written tables: evasions that must be caught
 * in their category, and innocent texts (game chat, school talk, place names, idioms) that must
 * pass.
 */
class ScreeningTablesTest {

  static Stream<Arguments> evasions() {
    return ScreeningTableRows.rows("evasions.tsv").map(line -> {
      String[] cols = line.split("\t");
      return Arguments.of(ScreeningTableRows.unescape(cols[0]), cols[1].strip());
    });
  }

  static Stream<String> innocents() {
    return ScreeningTableRows.rows("innocent.tsv").map(ScreeningTableRows::unescape);
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
  void tablesHoldAtLeastTwoHundredCasesEach() {
    assertTrue(evasions().count() >= 200, "evasions");
    assertTrue(innocents().count() >= 200, "innocents");
  }
}
