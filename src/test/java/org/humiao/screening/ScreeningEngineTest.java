package org.humiao.screening;

import org.humiao.TestFiles;
import org.humiao.screening.text.LexiconException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningEngineTest {
  @Test
  void blockedTextIsMaskedWhereItWasTyped() {
    String text = "你个傻 * 逼，滚";
    ScreeningResult result = ShippedEngine.get().screen(text);
    assertEquals(Decision.BLOCK, result.decision());
    Evidence insult = result.evidence().stream().filter(e -> e.term().equals("傻逼")).findFirst().orElseThrow();
    assertEquals("傻 * 逼", text.substring(insult.start(), insult.end()));
    assertEquals(text.length(), result.masked().length());
    assertEquals("*****", result.masked().substring(insult.start(), insult.end()));
  }

  /**
   * text | decision: a stereotype told as what others say, with no judgement, is passed on all the same, so it goes
   * to a reviewer, but it is not the speaker's own slur: review, not block (mitigation stereotype_reported)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      有人说黑人都是黑鬼       | REVIEW
      网上总有人说黑人都是黑鬼 | REVIEW
      黑人都是黑鬼             | BLOCK
      我说黑人都是黑鬼         | BLOCK
      """)
  void aStereotypeToldAsOthersSayGoesToReviewNotBlock(String text, Decision expected) {
    assertEquals(expected, ShippedEngine.get().screen(text).decision());
  }

  /**
   * text | decision | the word's evidence: a mild word softened by 小, a particle, laughter or a kind act is banter, kept
   * at 1 and passed; the same word with anger in its clause or the next is thrown (mitigation banter_softened,
   * lexicons/README.md "Banter"); a strong word is never softened
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      你这个小憨憨，台词又背错了   | PASS   | 憨憨=1
      笨蛋啦你，礼物在你书包里     | PASS   | 笨蛋=1
      你这个菜鸡，跟紧我哈哈       | PASS   | 菜鸡=1
      你这个憨憨，站那别动我来接你 | PASS   | 憨憨=1
      你这个小傻瓜给我滚           | REVIEW | 傻瓜=2
      你这个小傻瓜，离我远点       | REVIEW | 傻瓜=2
      你这个菜鸡，滚出去哈哈       | REVIEW | 菜鸡=2
      你这个小贱人                 | REVIEW | 小贱人=2
      """)
  void banterPassesTheWordAndAngerKeepsIt(String text, Decision expected, String word) {
    ScreeningResult result = ShippedEngine.get().screen(text);
    assertEquals(expected, result.decision());
    String term = word.substring(0, word.indexOf('='));
    assertEquals(word, result.evidence().stream().filter(e -> e.term().equals(term))
        .map(e -> e.term() + "=" + e.severity()).findFirst().orElse("none"));
  }

  /** text | decision: the idiom of despair over a chore (想死的心都有了) is no wish to die (mitigation hyperbole) */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      这道题做了一小时，我想死的心都有了 | PASS
      排队两小时，真的想死的心都有了    | PASS
      我想死，不想再考试了              | BLOCK
      """)
  void theIdiomOfDespairIsNoWishToDie(String text, Decision expected) {
    assertEquals(expected, ShippedEngine.get().screen(text).decision());
  }

  @Test
  void cleanTextPassesUnchanged() {
    ScreeningResult result = ShippedEngine.get().screen("今天晚上一起开黑吗？我打野");
    assertEquals(Decision.PASS, result.decision());
    assertEquals(Reason.NONE, result.reason());
    assertEquals("今天晚上一起开黑吗？我打野", result.masked());
    assertTrue(result.evidence().isEmpty());
  }

  @Test
  void repostOfBlockedContentIsBlockedEvenWhenReObfuscated() {
    ScreeningEngine engine = ShippedEngine.fresh(ShippedEngine.LEXICONS);
    ScreeningResult first = engine.screen("三年二班的李小红是个傻逼大家都去她空间骂她");
    assertEquals(Decision.BLOCK, first.decision());
    // the same post with the insult re-spelled and a word changed: caught as the same content
    ScreeningResult repost = engine.screen("三年二班的李小红是个煞笔大家都去她空间骂她吧");
    assertEquals(Decision.BLOCK, repost.decision());
    // a scene that does not screen the remembered category is not answered a repost of it
    SceneRules r = engine.policy().rules();
    SceneRules insultOff = new SceneRules(r.blockSeverity(), r.reviewSeverity(), r.categoryBlockSeverity(),
        java.util.Set.of(first.categories().get(0).category()), r.modelReview(), r.semanticReview(), r.semanticShortReview());
    assertNotEquals(Reason.REPOST,
        engine.screen("三年二班的李小红是个人大家都去她空间骂她", ScreenOptions.DEFAULT.withRules(insultOff)).reason());
    ScreeningResult stripped = engine.screen("三年二班的李小红是个人大家都去她空间骂她");
    assertEquals(Reason.REPOST, stripped.reason(), () -> ScreeningJson.of(stripped).encode());
    assertEquals(Decision.BLOCK, stripped.decision());
  }

  @Test
  void aTextScreenedAheadWhileNothingIsRememberedIsLookedUpInItsTurn() {
    RepostGuard reposts = new RepostGuard(100, java.time.Duration.ofHours(1));
    ScreeningEngine engine = new ScreeningEngine(ShippedEngine.LEXICONS, Clock.systemUTC(), reposts,
        new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    // screened ahead (as the screen command's workers do) before the post it reposts is settled
    ScreeningEngine.Unsettled repost = engine.screenUnsettled("三年二班的李小红是个人大家都去她空间骂她", ScreenOptions.DEFAULT);
    assertEquals(0, reposts.stats().requestCount(), "nothing remembered: no fingerprint looked up ahead");
    engine.settle(engine.screenUnsettled("三年二班的李小红是个傻逼大家都去她空间骂她", ScreenOptions.DEFAULT));
    assertEquals(Reason.REPOST, engine.settle(repost).reason());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      text_too_long | 5001
      invalid_text  | -1
      """)
  void badTextIsRejectedWithAStableCode(String code, int length) {
    String text = length > 0 ? "好".repeat(length) : "abc\u0000def";
    InvalidTextException e = assertThrows(InvalidTextException.class, () -> ShippedEngine.get().screen(text));
    assertEquals(code, e.problem().id());
  }

  @Test
  void unpairedSurrogateIsInvalid() {
    InvalidTextException e = assertThrows(InvalidTextException.class, () -> ShippedEngine.get().screen("傻\uD800逼"));
    assertEquals("invalid_text", e.problem().id());
  }

  @Test
  void reloadSwapsInANewVersionAndABrokenOneChangesNothing(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("lexicons");
    TestFiles.copyTree(ShippedEngine.LEXICONS, copy);
    ScreeningEngine engine = ShippedEngine.fresh(copy);
    String before = engine.version();
    assertEquals(Decision.PASS, engine.screen("蓝色大鲸鱼").decision());

    Files.writeString(copy.resolve("manifest.properties"), "version=test-reload-2\n");
    Files.writeString(copy.resolve("terms/zz_test.tsv"), "蓝色大鲸鱼\tself_harm\t4\t-\n");
    assertEquals("test-reload-2", engine.reload());
    assertEquals(Decision.BLOCK, engine.screen("蓝色大鲸鱼").decision());

    Files.writeString(copy.resolve("terms/zz_test.tsv"), "broken line without columns\n");
    assertThrows(LexiconException.class, engine::reload);
    assertEquals("test-reload-2", engine.version());
    assertTrue(!before.equals(engine.version()));
  }

  @Test
  void aTextTheEngineFailsOnIsHeldForReviewNotPassedNorThrown() {
    // the resident-ID rule asks the clock for today; a clock that fails stands for any bug inside a stage
    Clock broken = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        throw new IllegalStateException("clock failed");
      }
    };
    ScreeningEngine engine = new ScreeningEngine(ShippedEngine.LEXICONS, broken,
        new RepostGuard(100, java.time.Duration.ofHours(1)), new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    ScreeningResult result = engine.screen("我的身份证号是110105201006011231");
    assertEquals(Decision.REVIEW, result.decision());
    assertEquals(Reason.ENGINE_ERROR, result.reason());
    assertEquals(1, engine.failures());
    assertEquals(Decision.PASS, engine.screen("今天一起开黑吗").decision(), "a text that does not fail is screened");
  }

  /** The crafted texts that once overflowed the context rules' regexes: each answered, the harmful ones flagged. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      想要 ; 。我迟早弄死你，傻逼
      真的很 ; 。我真的不想活了
      你住在 ; 你住在
      """)
  void craftedRepetitionsAreScreenedAndTheHarmfulFlagged(String repeated, String tail) {
    String text = ("我" + repeated.repeat(1600) + tail);
    ScreeningResult result = ShippedEngine.get().screen(text.substring(0, Math.min(text.length(), TextLimits.DEFAULT_MAX_LENGTH)));
    assertTrue(result.reason() != Reason.ENGINE_ERROR, "the engine failed on it");
    if (!tail.equals("你住在")) {
      assertTrue(result.flagged(), () -> ScreeningJson.of(result).encode());
    }
  }

  /** regex of an added rule ; whether the loader refuses it as unbounded */
  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      (你|他)*傻 ; true
      你.+傻 ; true
      你.{2,}傻 ; true
      (你|他){0,3}傻 ; false
      你[*+]\\+.{0,12}傻 ; false
      (想要|真的){0,3000}傻 ; true
      你.{33}傻 ; true
      你.{0,32}傻 ; false
      """)
  void aRuleWithUnboundedRepetitionIsRefused(String regex, boolean refused, @TempDir Path dir) throws IOException {
    Path copy = dir.resolve("lexicons");
    TestFiles.copyTree(ShippedEngine.LEXICONS, copy);
    Files.writeString(copy.resolve("context/rules.tsv"), "insult.test\tinsult\t2\t傻\t" + regex + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    if (refused) {
      LexiconException e = assertThrows(LexiconException.class, () -> LexiconLoader.load(copy));
      assertTrue(e.getMessage().contains("unbounded repetition") || e.getMessage().contains("bound over"),
          e.getMessage());
    } else {
      java.util.List<ContextRule> rules = LexiconLoader.load(copy).rules();
      assertEquals("insult.test", rules.get(rules.size() - 1).id());
    }
  }

  @Property(tries = 300)
  void evidenceAlwaysPointsIntoTheOriginal(@ForAll String text) {
    ScreeningResult result;
    try {
      result = ShippedEngine.get().screen(text);
    } catch (InvalidTextException e) {
      return; // control characters and lone surrogates are refused, not screened
    }
    assertEquals(text.length(), result.masked().length());
    for (Evidence e : result.evidence()) {
      assertTrue(0 <= e.start() && e.start() < e.end() && e.end() <= text.length(), e.toString());
      assertTrue(!Character.isLowSurrogate(text.charAt(e.start())) || e.start() == 0
          || !Character.isHighSurrogate(text.charAt(e.start() - 1)), "starts inside a surrogate pair");
    }
  }

  @Property(tries = 300)
  void evidenceOffsetsHoldForObfuscatedAbuse(@ForAll("obfuscatedInsult") String text) {
    ScreeningResult result = ShippedEngine.get().screen(text);
    assertTrue(result.flagged(), text);
    for (Evidence e : result.evidence()) {
      assertTrue(0 <= e.start() && e.start() < e.end() && e.end() <= text.length(), e.toString());
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> obfuscatedInsult() {
    net.jqwik.api.Arbitrary<String> noise = net.jqwik.api.Arbitraries.of(" ", "*", "😀", "\u200B", "_", "~", "·", "");
    return net.jqwik.api.Combinators.combine(noise, noise, net.jqwik.api.Arbitraries.strings().alpha().ofMaxLength(6))
        .as((a, b, prefix) -> prefix + "你个傻" + a + "逼" + b);
  }
}
