package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped fast tier on the false-flag classes of issue 12 (precision-classes.tsv): banter, everyday
 * lines, help-seeking, counter-speech, 你 as a game's object, a friend at risk, a threat verb whose object
 * is 你的 + a thing. Prints each class's figures and every miss, and holds floors, so a change that flags
 * the innocent rows again (the context rules of lexicon 2026.12.11-1 off: 10 of 37) or loses the
 * look-alikes fails.
 */
class PrecisionClassesTest {
  /** Met on 2026-12-07 with lexicon 2026.12.11-1: 23 of 24 harmful caught, 3 of 37 innocent flagged. */
  private static final double MIN_CAUGHT = 0.95;
  private static final double MAX_FLAGGED = 0.10;

  @Test
  void innocentRowsOfEachClassPassAndTheirLookAlikesAreCaught() {
    Map<String, int[]> byClass = new TreeMap<>();
    int harmful = 0;
    int caught = 0;
    int innocent = 0;
    int flagged = 0;
    for (String row : ScreeningTableRows.rows("precision-classes.tsv").toList()) {
      String[] cols = row.split("\t");
      int length = cols[0].codePointCount(0, cols[0].length());
      assertTrue(cols.length == 3 && length >= 10 && length <= 60, () -> "text, label, class; 10-60 characters: " + row);
      boolean bad = cols[1].equals("harmful");
      assertTrue(bad || cols[1].equals("innocent"), () -> "harmful or innocent: " + row);
      ScreeningResult result = ShippedEngine.get().screen(cols[0]);
      // per class: harmful, caught, innocent, flagged
      int[] counts = byClass.computeIfAbsent(cols[2], c -> new int[4]);
      counts[bad ? 0 : 2]++;
      if (result.flagged()) {
        counts[bad ? 1 : 3]++;
      }
      harmful += bad ? 1 : 0;
      caught += bad && result.flagged() ? 1 : 0;
      innocent += bad ? 0 : 1;
      flagged += !bad && result.flagged() ? 1 : 0;
      if (result.flagged() != bad) {
        System.out.println((bad ? "missed  " : "flagged ") + cols[2] + "\t" + cols[0] + "\t" + ScreeningJson.of(result).encode());
      }
    }
    byClass.forEach((name, c) -> System.out.printf("precision-classes.tsv %s: %d/%d harmful caught, %d/%d innocent flagged%n",
        name, c[1], c[0], c[3], c[2]));
    System.out.printf("precision-classes.tsv: %d/%d harmful caught, %d/%d innocent flagged%n", caught, harmful, flagged, innocent);
    assertTrue(harmful >= 20 && innocent >= 30, "table too small");
    assertTrue(caught >= MIN_CAUGHT * harmful, caught + "/" + harmful + " harmful caught");
    assertTrue(flagged <= MAX_FLAGGED * innocent, flagged + "/" + innocent + " innocent flagged");
  }
}
