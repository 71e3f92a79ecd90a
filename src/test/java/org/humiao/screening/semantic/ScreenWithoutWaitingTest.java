package org.humiao.screening.semantic;

import org.humiao.TestFiles;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop's way through the engine ({@link ScreeningEngine#screenWithoutWaiting}, then, for a
 * text the semantic tier admitted, {@code screen} with its ticket on a worker) gives every text the
 * answer, tiers, reason and tier counters that {@code screen} gives it in one call.
 */
class ScreenWithoutWaitingTest {
  // no text may miss the tier by its budget here: the two paths are compared, not their timing
  private static final ScreenOptions PATIENT = ScreenOptions.scene("chat").withBudget(Duration.ofSeconds(10));

  /** A vector of 1 or -1 by the text's hash, so the tier sends some texts to review and passes others. */
  private static final class HashEncoder extends OneDimensionEncoder {
    HashEncoder() {
      super("hash/1");
    }

    @Override
    public float[][] encode(List<String> texts) {
      return vectors(texts, t -> (t.hashCode() & 1) == 0 ? 1 : -1);
    }
  }

  @Test
  void everyTextGetsTheSameAnswerAndCountsOnBothPaths(@TempDir Path dir) throws IOException {
    Path lexicons = lexicons(dir);
    List<String> texts = Files.readAllLines(Path.of("src/test/resources/screen-path/texts.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    int handedOff = 0;
    int judgedAfterHandOff = 0;
    int answeredAtOnce = 0;
    try (ScreeningEngine oneCall = engine(lexicons); ScreeningEngine twoSteps = engine(lexicons)) {
      for (String text : texts) {
        ScreeningResult expected = oneCall.screen(text, PATIENT);
        ScreeningEngine.Attempt attempt = twoSteps.screenWithoutWaiting(text, PATIENT);
        ScreeningResult actual;
        if (attempt.ticket() != null) {
          handedOff++;
          actual = twoSteps.screen(text, PATIENT, attempt.ticket());
          judgedAfterHandOff += actual.tiers().contains(Tier.SEMANTIC) ? 1 : 0;
        } else {
          answeredAtOnce++;
          actual = attempt.result();
        }
        assertEquals(ScreeningJson.of(expected).encode(), ScreeningJson.of(actual).encode(), text);
      }
      assertEquals(counts(oneCall.semanticStats()), counts(twoSteps.semanticStats()));
    }
    // both halves of the comparison must be exercised, or it shows nothing
    assertTrue(handedOff >= 5, "texts the tier took: " + handedOff);
    assertEquals(handedOff, judgedAfterHandOff, "every admitted text is judged by the tier");
    assertTrue(answeredAtOnce >= 5, "texts answered without the tier: " + answeredAtOnce);
  }

  /** A ticket given back (its caller gone) is not encoded: the text keeps its fast verdict, counted late. */
  @Test
  void aReleasedTicketIsNotEncoded(@TempDir Path dir) throws IOException {
    try (ScreeningEngine engine = engine(lexicons(dir))) {
      String text = "你真是个人才啊";
      ScreeningEngine.Attempt first = engine.screenWithoutWaiting(text, PATIENT);
      assertTrue(first.ticket() != null, "the tier did not take " + text);
      first.ticket().release();
      ScreeningResult late = engine.screen(text, PATIENT, first.ticket());
      assertEquals(List.of(Tier.FAST), late.tiers());
      assertEquals(Optional.of(1L), engine.semanticStats().map(s -> s.skipped().get(SemanticTier.Skip.LATE)));
      ScreeningResult again = engine.screen(text, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), again.tiers());
    }
  }

  private static ScreeningEngine engine(Path lexicons) {
    return ScreeningEngine.builder(lexicons, Clock.systemUTC())
        .semanticTier(new SemanticTier(new HashEncoder(), SemanticTier.Settings.defaults())).build();
  }

  /** The shipped lexicons and policy with a head that reads the hash vector and a stack that passes it through. */
  private static Path lexicons(Path dir) throws IOException {
    TestFiles.copyTree(Path.of("lexicons"), dir);
    new SemanticHead("hash/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, -2, "test")
        .write(dir.resolve("model/semantic-head.bin"));
    new Stacker(new float[] {0, 0, 1, 0, 0, 0}, 1, 10, "test").write(dir.resolve("model/semantic-stack.bin"));
    return dir;
  }

  /** The tier's counters, not its times (the encoder's busy time differs between any two runs). */
  private static Optional<List<Object>> counts(Optional<SemanticTier.Stats> stats) {
    return stats.map(s -> List.of(s.ran(), s.skipped(), s.segmentsLeftOut(), s.warmedUp()));
  }
}
