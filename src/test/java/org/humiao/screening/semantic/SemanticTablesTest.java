package org.humiao.screening.semantic;

import org.humiao.screening.Decision;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped cascade (real BGE encoder, shipped head, stacker and thresholds) against the
 * hand-written tables: innocent texts, many of them short game chat that only the semantic tier
 * scores, must still pass, and every evasion must still be flagged.
 */
class SemanticTablesTest {
  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
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

  @Test
  void innocentTextsPassWithTheTierOn() throws IOException {
    List<String> flagged = new ArrayList<>();
    for (String text : rows("innocent.tsv")) {
      ScreeningResult result = engine.screen(text, UNHURRIED);
      if (result.decision() != Decision.PASS) {
        flagged.add(ScreeningJson.of(result).put("text", text).encode());
      }
    }
    assertTrue(flagged.isEmpty(), String.join("\n", flagged));
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

  private static List<String> rows(String file) throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/screening", file), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(SemanticTablesTest::unescape)
        .toList();
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
