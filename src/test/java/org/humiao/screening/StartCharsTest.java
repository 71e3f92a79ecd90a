package org.humiao.screening;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-character pre-check of the rules' and mitigations' regexes never skips a match
 * {@link Matcher#find()} finds, nor finds one it does not: the same matches, in the same order, on the shipped lexicon's patterns over the project's sentences and on crafted
 * patterns where a too strict reading of the source would skip the match.
 */
class StartCharsTest {
  private static final Lexicon LEXICON = LexiconLoader.load(ShippedEngine.LEXICONS);
  private static final TextNormalizer NORMALIZER = new TextNormalizer(LEXICON.splitCharacters());
  private static final List<Pattern> PATTERNS = Stream.concat(
      LEXICON.rules().stream().map(ContextRule::pattern),
      LEXICON.mitigations().stream().map(Mitigation::pattern)).toList();

  @Test
  void theShippedPatternsFindWhatFindFindsInEverySentenceOfTheProject() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String file : List.of("lexicons/model/training-sentences.tsv", "lexicons/model/training-sentences-batch4.tsv",
        "src/test/resources/screening/evasions.tsv", "src/test/resources/screening/innocent.tsv",
        "src/test/resources/screening/model-muted.tsv", "src/test/resources/screening/precision-classes.tsv",
        "src/test/resources/screening/sentences.tsv")) {
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          texts.add(NORMALIZER.normalize(line.split("\t")[0]).text());
        }
      }
    }
    int matches = 0;
    for (Pattern pattern : PATTERNS) {
      StartChars starts = StartChars.of(pattern);
      for (String text : texts) {
        List<String> expected = matches(pattern, text);
        assertEquals(expected, searched(starts, text), pattern + " over " + text);
        matches += expected.size();
      }
    }
    // not vacuous: the sentences exercise the patterns, and the pre-check applies to nearly all of them
    assertTrue(matches > 1_000, matches + " matches");
    long bounded = PATTERNS.stream().filter(p -> StartChars.of(p).bounded()).count();
    assertTrue(bounded >= PATTERNS.size() * 9L / 10, bounded + " of " + PATTERNS.size() + " bounded");
  }

  @Property(tries = 300)
  void theShippedPatternsFindWhatFindFindsInTextsMadeOfTheirCues(@ForAll("cueTexts") String original) {
    String text = NORMALIZER.normalize(original).text();
    for (Pattern pattern : PATTERNS) {
      assertEquals(matches(pattern, text), searched(StartChars.of(pattern), text), pattern + " over " + text);
    }
  }

  @Provide
  Arbitrary<String> cueTexts() {
    Set<String> pieces = new LinkedHashSet<>(List.of("，", "。", "你", "我", "他", "的", "了", "不", "要", "是", "吗", "说"));
    LEXICON.rules().forEach(r -> pieces.addAll(r.cues()));
    LEXICON.mitigations().forEach(m -> pieces.addAll(m.cues()));
    pieces.addAll(LEXICON.targets());
    return Arbitraries.of(List.copyOf(pieces)).list().ofMinSize(1).ofMaxSize(10).map(l -> String.join("", l));
  }

  /** Each a case where reading the source too strictly skips the match: an optional or repeated-from-zero prefix, a look-around, an anchor. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "(我|我们)?(被骗|被盗);他说被骗了",
      "(我|我们){0,2}被骗;被骗了",
      "[你您]?(?:滚|走开);快走开",
      "(?<![要])不要(脸|命);要不要脸，真不要脸",
      "(?=[^|]{0,12}(怎么办))(我|他)被;不知道他被骗了怎么办",
      "(?<=(说|讲))[^|]{0,3}死;他说想死",
      "^(你|您)滚;你滚",
      "^(你|您)滚;我你滚",
      "滚$;快滚",
      "\\Q放学\\E(别走|等着);放学别走",
      "(a|b+?)c;xbbc",
      "(?:a|b)?c|d;xcd",
  })
  void craftedPatternsFindWhatFindFinds(String regex, String text) {
    Pattern pattern = Pattern.compile(regex);
    assertEquals(matches(pattern, text), searched(StartChars.of(pattern), text));
  }

  @Test
  void patternsWhoseFirstCharacterIsUnknownAreSearchedAtEveryPosition() {
    for (String regex : List.of(".{0,3}死", "[^你]死", "(你)?", "\\d{11}", "(?i)sb", "(你|.)死", "死|(的)?")) {
      assertFalse(StartChars.of(Pattern.compile(regex)).bounded(), regex);
    }
    assertTrue(StartChars.of(Pattern.compile("(我|我们)?(被骗|[盗抢]了)")).bounded());
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(describe(m));
    }
    return found;
  }

  private static List<String> searched(StartChars starts, String text) {
    List<String> found = new ArrayList<>();
    StartChars.Search search = starts.search(text);
    while (search.find()) {
      found.add(describe(search.matcher()));
    }
    return found;
  }

  /**
   * Where a match starts and ends, all the engine reads of it; not its groups: find() keeps a group a
   * failed attempt at an earlier position captured inside a look-around, which a search started at the
   * match's position never saw.
   */
  private static String describe(Matcher m) {
    return m.start() + "-" + m.end() + " " + m.group();
  }
}
