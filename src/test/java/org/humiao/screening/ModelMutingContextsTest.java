package org.humiao.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped mitigations that keep the models' tone alone from flagging a line (game tactics,
 * defending the one attacked, abuse reported or punished, a stereotype rejected) mute exactly the
 * lines of screening/model-muted.tsv marked muted, and none of the near misses marked heard.
 */
class ModelMutingContextsTest {
  private static final CompiledLexicon LEXICON =
      new CompiledLexicon(LexiconLoader.load(ShippedEngine.LEXICONS), new SegmentationGuard());
  private static final CostCaps UNCAPPED = new CostCaps(Integer.MAX_VALUE, java.time.Duration.ofHours(1));

  static Stream<String[]> rows() {
    return ScreeningTableRows.rows("model-muted.tsv").map(line -> line.split("\t"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void contextDecidesWhetherTheModelIsHeard(String text, String expected, String why) {
    boolean muted = LEXICON.find(text, UNCAPPED.start(System.nanoTime())).modelMuted();
    assertEquals(expected.equals("muted"), muted, why);
  }
}
