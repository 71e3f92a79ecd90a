package org.humiao.moderation.strategy;

import org.humiao.TestFiles;
import org.humiao.screening.Category;
import org.humiao.screening.Decision;
import org.humiao.screening.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped strategies load as documented; every broken file of
 * src/test/resources/strategy/broken.tsv is refused with its file and field named; a failed reload
 * keeps the strategies in force.
 */
class StrategyLoaderTest {
  private static final Path SHIPPED = Path.of("policies/strategies");

  @TempDir
  Path dir;

  @Test
  void theShippedStrategiesLoad() {
    StrategyBook book = StrategyLoader.load(SHIPPED);
    assertEquals("standard", book.defaultId());
    assertEquals("standard", book.forPlatform("any").id());
    assertEquals("standard", book.forPlatform(null).id());
    Strategy standard = book.strategies().get("standard");
    assertEquals(Decision.REVIEW, standard.rules(Scene.CHAT).decide(Category.INSULT, 2));
    assertEquals(Decision.PASS, standard.rules(Scene.CHAT).decide(Category.INSULT, 1));
    assertEquals(Decision.BLOCK, standard.rules(Scene.NICKNAME).decide(Category.INSULT, 1));
    assertEquals(Decision.BLOCK, standard.rules(Scene.PROFILE).decide(Category.PERSONAL_INFO, 2));
    assertEquals(Decision.REVIEW, standard.rules(Scene.NICKNAME).decide(Category.GAMBLING, 2));
    assertEquals(Decision.BLOCK, book.strategies().get("strict").rules(Scene.CHAT).decide(Category.INSULT, 2));
  }

  static Stream<Arguments> broken() throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/strategy/broken.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("\t"))
        .map(cols -> Arguments.of(cols[0], cols[1], cols[2], cols[3]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenFileIsRefusedNamingFileAndField(String what, String file, String content, String message)
      throws IOException {
    TestFiles.copyTree(SHIPPED, dir);
    Files.writeString(dir.resolve(file), content);
    StrategyException e = assertThrows(StrategyException.class, () -> StrategyLoader.load(dir));
    String expected = dir + dir.getFileSystem().getSeparator() + message;
    assertTrue(e.getMessage().startsWith(expected), () -> "expected " + expected + "\n got " + e.getMessage());
  }

  @Test
  void aFailedReloadKeepsTheStrategiesInForce() throws IOException {
    TestFiles.copyTree(SHIPPED, dir);
    Strategies strategies = new Strategies(dir, EmbeddedStrategyChoiceStore.open(dir.resolve("data")));
    StrategyBook before = strategies.current();
    Files.writeString(dir.resolve("strict.json"), "{}");
    assertThrows(StrategyException.class, () -> strategies.reloadAlong(() -> null));
    assertSame(before, strategies.current());

    // and a failure of the reload it goes along with keeps them too, though they would load
    TestFiles.copyTree(SHIPPED, dir);
    Files.writeString(dir.resolve("assignments.json"), "{\"default\": \"strict\", \"platforms\": {}}");
    assertThrows(IllegalStateException.class, () -> strategies.reloadAlong(() -> {
      throw new IllegalStateException("the minor-mode policies did not load");
    }));
    assertSame(before, strategies.current());
    strategies.reloadAlong(() -> null);
    assertEquals("strict", strategies.current().forPlatform("any").id());
  }

  @Test
  void aPlatformGetsItsAssignedStrategy() throws IOException {
    TestFiles.copyTree(SHIPPED, dir);
    Files.writeString(dir.resolve("assignments.json"), "{\"default\": \"standard\", \"platforms\": {\"kids\": \"strict\"}}");
    StrategyBook book = StrategyLoader.load(dir);
    assertEquals("strict", book.forPlatform("kids").id());
    assertEquals("standard", book.forPlatform("adults").id());
  }
}
