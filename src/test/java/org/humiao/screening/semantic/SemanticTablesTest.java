package org.humiao.screening.semantic;

import org.humiao.screening.Decision;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.ScreeningTableRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped cascade (real BGE encoder, shipped head, stacker and thresholds) against the
 * hand-written tables: innocent texts, many of them short game chat that only the semantic tier
 * scores, must still pass, and every evasion must still be flagged.
 */
class SemanticTablesTest {
  // the tables measure quality, not latency: wait for every vector
  private static final ScreenOptions UNHURRIED = ScreenOptions.DEFAULT.withBudget(Duration.ofSeconds(30));
  private static ScreeningEngine engine;

  @BeforeAll
  static void load() {
    engine = ScreeningEngine.builder(Path.of("lexicons"), java.time.Clock.systemUTC())
        .semanticTier(new SemanticTier(BgeEncoder.load(1, 128), SemanticTier.Settings.defaults()))
        .build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /**
   * At most two innocent lines of the table flagged with the tier on. Since the models learned
   * from our own sentences (2026-12-07) the stack scores two lines as offensive: a neutral mention
   * of both genders (女生和男生一起参加运动会, 0.72) and 先挂机一会儿马上回来 (0.75), known misses
   * (docs/screening-quality.md) held here so that no third one slips in.
   */
  @Test
  void innocentTextsPassWithTheTierOn() throws IOException {
    List<String> flagged = new ArrayList<>();
    for (String text : rows("innocent.tsv")) {
      ScreeningResult result = engine.screen(text, UNHURRIED);
      if (result.decision() != Decision.PASS) {
        flagged.add(ScreeningJson.of(result).put("text", text).encode());
      }
    }
    assertTrue(flagged.size() <= 2, String.join("\n", flagged));
    assertTrue(engine.semanticStats().orElseThrow().ran() > 0, "the tier never ran");
  }

  @Test
  void evasionsAreStillFlaggedWithTheTierOn() throws IOException {
    List<String> missed = new ArrayList<>();
    for (String row : rows("evasions.tsv")) {
      String text = row.split("\t")[0];
      ScreeningResult result = engine.screen(text, UNHURRIED);
      if (!result.flagged()) {
        missed.add(ScreeningJson.of(result).put("text", text).encode());
      }
    }
    assertTrue(missed.isEmpty(), String.join("\n", missed));
  }

  /**
   * Realistic school, game and streaming sentences with the tier on: sentences.tsv was written
   * beside the rules; heldout-sentences.tsv was written apart and is never trained or tuned on
   * (docs/screening-quality.md). Prints the figures, holds the floors measured when the models
   * were last trained (2026-12-07: 99/99 and 15/99; held out 360/400 caught, 70/400 flagged; with
   * lexicon 2026.12.07-2, 66/400 flagged), so a
   * change that loses ground fails, and prints the misses of the table
   * that is not held out: reading the held-out misses would be tuning on them.
   */
  @ParameterizedTest
  @CsvSource({"sentences.tsv, 0.98, 0.16, true", "heldout-sentences.tsv, 0.90, 0.17, false"})
  void realisticSentencesWithTheTierOn(String file, double minCaught, double maxFlagged, boolean printMisses)
      throws IOException {
    int harmful = 0;
    int caught = 0;
    int innocent = 0;
    int flagged = 0;
    List<String> misses = new ArrayList<>();
    for (String row : rows(file)) {
      String[] cols = row.split("\t");
      boolean bad = cols[1].equals("harmful");
      ScreeningResult result = engine.screen(cols[0], UNHURRIED);
      if (bad) {
        harmful++;
        caught += result.flagged() ? 1 : 0;
      } else {
        innocent++;
        flagged += result.flagged() ? 1 : 0;
      }
      if (result.flagged() != bad) {
        misses.add((bad ? "missed  " : "flagged ") + cols[2] + "\t" + cols[0] + "\t" + ScreeningJson.of(result).encode());
      }
    }
    System.out.printf("%s with the tier on: %d/%d harmful caught, %d/%d innocent flagged%n", file, caught, harmful, flagged, innocent);
    if (printMisses) {
      misses.forEach(System.out::println);
    }
    assertTrue(harmful >= 90 && innocent >= 90, "table too small");
    assertTrue(caught >= minCaught * harmful, caught + "/" + harmful + " harmful caught");
    assertTrue(flagged <= maxFlagged * innocent, flagged + "/" + innocent + " innocent flagged");
  }

  private static List<String> rows(String file) {
    return ScreeningTableRows.rows(file).map(ScreeningTableRows::unescape).toList();
  }
}
