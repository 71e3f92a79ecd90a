package org.humiao.screening;

import org.humiao.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled lexicon's file: an engine that reads it answers every table text exactly as one
 * that compiled the lexicon, and a changed lexicon or a broken file is compiled again, never used.
 */
class LexiconCacheTest {
  /** A made-up insult no shipped lexicon holds. */
  private static final String NEW_TERM = "蓝莓怪兽";

  @TempDir
  Path cache;

  private static ScreeningEngine engine(Path lexicons, Path cache) {
    // no time cap: on a loaded machine a text over its budget is answered engine_error by one engine and not the other
    ScreeningEngine.Builder builder = ScreeningEngine.builder(lexicons, Clock.systemDefaultZone())
        .reposts(new RepostGuard(10_000, Duration.ofHours(1)))
        .caps(new CostCaps(CostCaps.DEFAULT.maxSegmentations(), Duration.ofHours(1)));
    return (cache == null ? builder : builder.lexiconCache(cache)).build();
  }

  private static LexiconCache cacheOf(ScreeningEngine engine) {
    return engine.lexiconCache().orElseThrow();
  }

  @Test
  void anEngineReadingTheFileAnswersEveryTableTextAsACompilingOne() throws IOException {
    ScreeningEngine compiling = engine(ShippedEngine.LEXICONS, null);
    assertEquals(1, cacheOf(engine(ShippedEngine.LEXICONS, cache)).compiles(), "the first start compiles and writes");
    ScreeningEngine reading = engine(ShippedEngine.LEXICONS, cache);
    assertEquals(1, cacheOf(reading).hits(), "the second start reads the file");
    assertEquals(0, cacheOf(reading).compiles());

    List<String> texts = tableTexts();
    assertTrue(texts.size() > 1_500, "tables: " + texts.size());
    int flagged = 0;
    for (String text : texts) {
      ScreeningResult expected = compiling.screen(text);
      assertEquals(expected, reading.screen(text), text);
      flagged += expected.flagged() ? 1 : 0;
    }
    assertTrue(flagged > 500, "the tables exercise terms, variants and rules: " + flagged + " flagged");
  }

  @Test
  void aChangedLexiconIsCompiledAgainAndItsNewTermFound(@TempDir Path lexicons) throws IOException {
    TestFiles.copyTree(ShippedEngine.LEXICONS, lexicons);
    String text = "你就是个" + NEW_TERM;
    ScreeningEngine engine = engine(lexicons, cache);
    assertEquals(Decision.PASS, engine.screen(text).decision());

    Files.writeString(lexicons.resolve("terms/insult.tsv"), NEW_TERM + "\tinsult\t4\t-\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    engine.reload();
    assertEquals(2, cacheOf(engine).compiles(), "the file of the old lexicon must not be used");
    assertEquals(0, cacheOf(engine).hits());
    assertEquals(Decision.BLOCK, engine.screen(text).decision());

    ScreeningEngine restarted = engine(lexicons, cache);
    assertEquals(1, cacheOf(restarted).hits(), "the new lexicon's file is read at the next start");
    assertEquals(Decision.BLOCK, restarted.screen(text).decision());
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(2, files.filter(f -> f.toString().endsWith(".automaton")).count(), "one file per lexicon content");
    }
  }

  @Test
  void aBrokenFileIsCompiledOverNotUsed() throws IOException {
    engine(ShippedEngine.LEXICONS, cache);
    Path file;
    try (Stream<Path> files = Files.list(cache)) {
      file = files.filter(f -> f.toString().endsWith(".automaton")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);

    ScreeningEngine engine = engine(ShippedEngine.LEXICONS, cache);
    assertEquals(0, cacheOf(engine).hits());
    assertEquals(1, cacheOf(engine).compiles());
    assertEquals(Decision.BLOCK, engine.screen("你个傻逼").decision());
    assertEquals(1, cacheOf(engine(ShippedEngine.LEXICONS, cache)).hits(), "written whole again");
  }

  /** Every text of the screening tables (evasions, innocent texts, sentences, held-out sentences). */
  private static List<String> tableTexts() {
    return Stream.of("evasions.tsv", "innocent.tsv", "sentences.tsv", "heldout-sentences.tsv")
        .flatMap(ScreeningTableRows::rows)
        .map(line -> ScreeningTableRows.unescape(line.split("\t")[0]))
        .toList();
  }
}
