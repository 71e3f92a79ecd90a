package org.humiao.moderation.strategy;

import org.humiao.TestFiles;
import org.humiao.screening.Decision;
import org.humiao.screening.Scene;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table src/test/resources/strategy/cases.tsv (strategy, scene, text, decision) on the shipped
 * lexicons, in file order on one engine (so the repost cache sees earlier rows, as a service
 * would); and the shipped {@code standard} strategy against the lexicon's own decisions on every
 * text of the screening tables, for the scenes it must leave as they were.
 */
class StrategyCasesTest {
  private static final Path TABLES = Path.of("src/test/resources/screening");

  @TempDir
  static Path dir;
  static StrategyBook book;
  static ScreeningEngine engine;

  @BeforeAll
  static void load() throws IOException {
    TestFiles.copyTree(Path.of("policies/strategies"), dir);
    TestFiles.copyTree(Path.of("src/test/resources/strategy/extra"), dir);
    book = StrategyLoader.load(dir);
    engine = ScreeningEngine.builder(Path.of("lexicons"), Clock.systemDefaultZone()).build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static Stream<Arguments> cases() throws IOException {
    return rows(Path.of("src/test/resources/strategy/cases.tsv")).stream().map(line -> {
      String[] cols = line.split("\t");
      return Arguments.of(cols[0], cols[1], cols[2], cols[3]);
    });
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("cases")
  void eachCaseGetsItsDecision(String strategy, String scene, String text, String expected) {
    ScreeningResult result = screen(book.strategies().get(strategy), Scene.byId(scene).orElseThrow(), text);
    assertEquals(Decision.valueOf(expected.toUpperCase(Locale.ROOT)), result.decision(),
        () -> result.reason() + " " + result.categories() + " model " + result.modelScore());
  }

  /** Chat, comments and danmaku under standard are decided exactly as without a strategy: decision, reason, evidence. */
  @Test
  void standardKeepsTheLexiconsDecisionsForChatCommentsAndDanmaku() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String table : List.of("evasions.tsv", "innocent.tsv", "sentences.tsv")) {
      rows(TABLES.resolve(table)).forEach(line -> texts.add(line.split("\t")[0]));
    }
    assertTrue(texts.size() > 600, "the tables hold " + texts.size() + " texts");
    Strategy standard = book.strategies().get("standard");
    int differentInNickname = 0;
    for (String text : texts) {
      ScreeningResult plain = engine.screen(text, ScreenOptions.DEFAULT);
      for (Scene scene : List.of(Scene.CHAT, Scene.COMMENT, Scene.DANMAKU)) {
        ScreeningResult ruled = screen(standard, scene, text);
        assertEquals(plain.decision(), ruled.decision(), () -> scene.id() + ": " + text);
        assertEquals(plain.reason(), ruled.reason(), () -> scene.id() + ": " + text);
        assertEquals(plain.evidence(), ruled.evidence(), () -> scene.id() + ": " + text);
      }
      if (screen(standard, Scene.NICKNAME, text).decision() != plain.decision()) {
        differentInNickname++;
      }
    }
    // the comparison is not between two copies of the same rules: nicknames decide differently
    assertTrue(differentInNickname > 20, differentInNickname + " texts decided differently as nicknames");
  }

  private static ScreeningResult screen(Strategy strategy, Scene scene, String text) {
    return engine.screen(text, ScreenOptions.scene(scene.id()).withRules(strategy.rules(scene)));
  }

  private static List<String> rows(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }
}
