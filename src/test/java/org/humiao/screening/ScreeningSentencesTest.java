package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped engine on realistic sentences of school and game life (sentences.tsv): reports how
 * many harmful ones are caught and innocent ones flagged, prints every miss for the next person,
 * and holds floors the engine meets today, so a change that loses ground fails.
 */
class ScreeningSentencesTest {
  /**
   * Floors the fast tier meets: on 2026-12-06 97 of 99 harmful caught, 7 of 99 innocent flagged;
   * on 2026-12-07, with the models trained on our own sentences as well, 99 of 99 and 10 of 99
   * (the n-gram model's tone on news and reports of bullying, and on banter).
   */
  private static final int MIN_HARMFUL = 60;
  private static final int MIN_INNOCENT = 60;
  private static final double MIN_CAUGHT = 0.95;
  private static final double MAX_FLAGGED = 0.11;

  private record Sentence(String text, boolean harmful, String kind) {}

  @Test
  void catchesHarmfulSentencesWithoutFlaggingInnocentOnes() throws IOException {
    List<Sentence> sentences = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/screening/sentences.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 3 || !(cols[1].equals("harmful") || cols[1].equals("innocent"))) {
        throw new IllegalArgumentException("sentences.tsv: expected text, harmful|innocent, kind: " + line);
      }
      int length = cols[0].codePointCount(0, cols[0].length());
      assertTrue(length >= 10 && length <= 60, () -> "10-60 characters: " + cols[0]);
      sentences.add(new Sentence(cols[0], cols[1].equals("harmful"), cols[2]));
    }
    int harmful = 0;
    int caught = 0;
    int innocent = 0;
    int flagged = 0;
    List<String> misses = new ArrayList<>();
    for (Sentence s : sentences) {
      ScreeningResult result = ShippedEngine.get().screen(s.text());
      if (s.harmful()) {
        harmful++;
        caught += result.flagged() ? 1 : 0;
      } else {
        innocent++;
        flagged += result.flagged() ? 1 : 0;
      }
      if (result.flagged() != s.harmful()) {
        misses.add((s.harmful() ? "missed  " : "flagged ") + s.kind() + "\t" + s.text() + "\t"
            + ScreeningJson.of(result).encode());
      }
    }
    System.out.printf("sentences.tsv: %d/%d harmful caught, %d/%d innocent flagged%n", caught, harmful, flagged, innocent);
    misses.forEach(System.out::println);
    assertTrue(harmful >= MIN_HARMFUL && innocent >= MIN_INNOCENT, "table too small");
    assertTrue(caught >= MIN_CAUGHT * harmful, caught + "/" + harmful + " harmful caught");
    assertTrue(flagged <= MAX_FLAGGED * innocent, flagged + "/" + innocent + " innocent flagged");
  }
}
