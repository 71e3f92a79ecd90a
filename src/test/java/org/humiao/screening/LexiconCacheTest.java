package org.humiao.screening;

import org.humiao.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
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

  /** The key is the files' bytes, not their sizes or times: a same-size edit with the old modification time is seen. */
  @Test
  void aLexiconFileChangedToTheSameSizeAndTimeIsCompiledAgain(@TempDir Path lexicons) throws IOException {
    TestFiles.copyTree(ShippedEngine.LEXICONS, lexicons);
    Path insults = lexicons.resolve("terms/insult.tsv");
    Files.writeString(insults, NEW_TERM + "\tinsult\t4\t-\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(1, cacheOf(engine(lexicons, cache)).compiles());
    assertEquals(1, cacheOf(engine(lexicons, cache)).hits(), "the same files are read from the cache");

    String renamed = NEW_TERM.replace('兽', '物');
    long size = Files.size(insults);
    FileTime modified = Files.getLastModifiedTime(insults);
    Files.writeString(insults, Files.readString(insults, StandardCharsets.UTF_8).replace(NEW_TERM, renamed), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(insults, modified);
    assertEquals(size, Files.size(insults), "the edit keeps the size");

    ScreeningEngine engine = engine(lexicons, cache);
    assertEquals(0, cacheOf(engine).hits(), "the old term's automaton must not be used");
    assertEquals(1, cacheOf(engine).compiles());
    assertEquals(Decision.BLOCK, engine.screen("你就是个" + renamed).decision());
  }

  /** Parsed from files that changed after their fingerprint was taken, a lexicon is compiled and its automaton kept out of the cache. */
  @Test
  void aLexiconChangedWhileItIsReadIsNeitherReadFromNorWrittenToTheCache(@TempDir Path lexicons) throws IOException {
    TestFiles.copyTree(ShippedEngine.LEXICONS, lexicons);
    engine(lexicons, cache); // the old files' automaton is in the cache
    LexiconCache base = new LexiconCache(cache);
    LexiconCache load = base.loading(lexicons);
    Files.writeString(lexicons.resolve("terms/insult.tsv"), NEW_TERM + "\tinsult\t4\t-\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    CompiledLexicon lexicon = new CompiledLexicon(LexiconLoader.load(lexicons), new SegmentationGuard(), load);
    assertEquals(0, base.hits(), "the cached automaton is the old files'");
    assertEquals(1, base.compiles());
    assertTrue(lexicon.find("你就是个" + NEW_TERM, CostCaps.DEFAULT.start(System.nanoTime())).evidence().stream()
        .anyMatch(e -> e.term().equals(NEW_TERM)), "compiled from what was parsed");
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".automaton")).count(), "nothing written under either fingerprint");
    }
  }

  /**
   * A hit takes the lexicon itself from the file, not from the TSVs: a term appended after the
   * fingerprint was taken is not in the lexicon read (it would be, were the TSVs parsed), and the
   * next load, whose fingerprint differs, parses and finds it.
   */
  @Test
  void aHitReadsTheLexiconFromTheFileAndParsesNoTsv(@TempDir Path lexicons) throws IOException {
    TestFiles.copyTree(ShippedEngine.LEXICONS, lexicons);
    engine(lexicons, cache);
    LexiconCache base = new LexiconCache(cache);
    LexiconCache load = base.loading(lexicons);
    Files.writeString(lexicons.resolve("terms/insult.tsv"), NEW_TERM + "\tinsult\t4\t-\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    Lexicon read = load.lexicon();
    assertTrue(read.terms().stream().noneMatch(t -> t.text().equals(NEW_TERM)), "the lexicon came from the TSVs");
    assertEquals(LexiconLoader.load(ShippedEngine.LEXICONS).terms(), read.terms(), "the file's terms are the old files'");
    assertEquals(LexiconLoader.load(ShippedEngine.LEXICONS).rules().size(), read.rules().size());
    new CompiledLexicon(read, new SegmentationGuard(), load);
    assertEquals(1, base.hits(), "the automaton came with the lexicon");
    assertEquals(0, base.compiles());

    LexiconCache next = base.loading(lexicons);
    assertTrue(next.lexicon().terms().stream().anyMatch(t -> t.text().equals(NEW_TERM)), "a new fingerprint parses");
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

  /** Every text of the screening tables (evasions, innocent texts, sentences, held-out sentences, precision classes). */
  private static List<String> tableTexts() {
    return Stream.of("evasions.tsv", "innocent.tsv", "sentences.tsv", "heldout-sentences.tsv", "precision-classes.tsv")
        .flatMap(ScreeningTableRows::rows)
        .map(line -> ScreeningTableRows.unescape(line.split("\t")[0]))
        .toList();
  }
}
