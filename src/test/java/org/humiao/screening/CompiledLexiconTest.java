package org.humiao.screening;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The matching mechanics on a small hand-made lexicon, independent of the shipped word lists. */
class CompiledLexiconTest {
  private static final CompiledLexicon LEXICON =
      new CompiledLexicon(LexiconLoader.load(Path.of("src/test/resources/lexicon-mini")), new SegmentationGuard());
  /** The mechanics, not the caps, are under test here. */
  private static final CostCaps UNCAPPED = new CostCaps(Integer.MAX_VALUE, java.time.Duration.ofHours(1));

  /** A call that names no scene rules gets the lexicon's own, built once, not again per text. */
  @org.junit.jupiter.api.Test
  void theLexiconsOwnSceneRulesAreBuiltOnce() {
    assertEquals(LEXICON.policy().rules(), LEXICON.rules());
    assertSame(LEXICON.rules(), LEXICON.rules());
  }

  /** text | found terms with what was typed for each, term=typed;... or empty | how */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      你个傻逼            | 傻逼=傻逼                   | exact
      你个傻 * 逼         | 傻逼=傻 * 逼                | exact
      你个煞笔            | 傻逼=煞笔                   | variant
      你个沙比吧          | 傻逼=沙比                   | variant
      你个傻b             | 傻逼=傻b                    | variant
      你个shabi           | 傻逼=shabi                  | variant
      你个sha逼           | 傻逼=sha逼                  | variant
      你个SB              | 傻逼=SB                     | abbreviation
      u sb                | 傻逼=sb                     | abbreviation
      nmsl                | 你妈死了=nmsl               | variant
      你妈死了            | 你妈死了=你妈死了           | exact
      你是2b吧            | 二逼=2b                     | abbreviation
      弓虽女干            | 强奸=弓虽女干               | exact
      你就是个废物        | 废物=废物                   | exact
      你这个人操!         | 操=操                       | exact
      我日你              | 日=日                       | exact
      usb接口坏了         | ''                          | none
      is back             | ''                          | none
      这个装备是废物      | ''                          | none
      有啥比这更好        | ''                          | none
      沙比例不对          | ''                          | none
      我们去操场          | ''                          | none
      他操作很好          | ''                          | none
      日本很远            | ''                          | none
      白日做梦            | ''                          | none
      一起色色            | 色色=色色                   | exact
      一起色色色          | 色色=色色色                 | exact
      有色人种            | ''                          | none
      中国特色            | ''                          | none
      国男就这样          | 国男=国男                   | exact
      她的中国男友        | ''                          | none
      印度人就像阿三一样哈哈哈 | 阿三=阿三              | exact
      那些阿三又来了哈哈哈 | ''                         | none
      她是女优            | 女优=女优                   | exact
      魔女优雅            | ''                          | none
      刷单日结            | 刷单=刷单                   | exact
      不要告诉老师        | 不要告诉老师=不要告诉老师   | exact
      我要不要告诉老师    | ''                          | none
      是不是不要告诉老师  | 不要告诉老师=不要告诉老师   | exact
      不要不要告诉老师    | 不要告诉老师=不要告诉老师   | exact
      你还要不要脸        | 不要脸=不要脸               | exact
      快去收拾你的行李    | ''                          | none
      先收拾你们的书包    | ''                          | none
      我来收拾你的头发    | ''                          | none
      我先打爆你的水晶    | ''                          | none
      回去收拾你          | 收拾你=收拾你               | exact
      我会收拾你的！      | 收拾你=收拾你               | exact
      我会收拾你的啦      | 收拾你=收拾你               | exact
      收拾你的人来了      | 收拾你=收拾你               | exact
      我要打爆你的头      | 打爆你=打爆你               | exact
      你家狗比你聪明多了  | ''                          | none
      你的狗比他的狗还高  | ''                          | none
      你个狗比            | 狗比=狗比                   | exact
      你这狗比东西还敢来  | 狗比=狗比                   | exact
      狗比你给我滚        | 狗比=狗比                   | exact
      你个狗比你还有脸说  | 狗比=狗比                   | exact
      你家的狗比超市卖的猫贵多了 | ''                   | none
      狗比你真恶心        | 狗比=狗比                   | exact
      狗比你快滚          | 狗比=狗比                   | exact
      你家狗比你还会撒娇  | ''                          | none
      家里的狗比你还能吃  | ''                          | none
      狗比你还敢来        | 狗比=狗比                   | exact
      狗比你还会不会说话  | 狗比=狗比                   | exact
      狗比你会死          | 狗比=狗比                   | exact
      """)
  void findsTermsAndTheirSpellings(String text, String expected, String how) {
    CompiledLexicon.Findings findings = LEXICON.find(text, UNCAPPED.start(System.nanoTime()));
    List<Evidence> terms = findings.evidence().stream().filter(e -> !e.source().startsWith("rule:")).toList();
    String found = terms.stream()
        .map(e -> e.term() + "=" + text.substring(e.start(), e.end()))
        .collect(Collectors.joining(";"));
    assertEquals(expected, found);
    if (!terms.isEmpty()) {
      assertEquals(how, terms.get(0).source());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我迟早弄死你         | threat.kill_you          | 我迟早弄死你
      大家都别理她         | exclusion.dont_play_with | 大家都别理她
      你就是个250          | insult.250               | 你就是个250
      250块钱一张票        | ''                       | ''
      别告诉家长           | sexual_harassment.keep_secret | 别告诉家长
      要不要告诉家长       | ''                       | ''
      要不要告诉家长，不要告诉家长 | sexual_harassment.keep_secret | 不要告诉家长
      """)
  void contextRulesFireOnTheirPatternOnly(String text, String rule, String typed) {
    List<Evidence> rules = LEXICON.find(text, UNCAPPED.start(System.nanoTime())).evidence().stream().filter(e -> e.source().startsWith("rule:")).toList();
    assertEquals(rule, rules.stream().map(e -> e.source().substring(5)).collect(Collectors.joining(";")));
    assertEquals(typed, rules.stream().map(e -> text.substring(e.start(), e.end())).collect(Collectors.joining(";")));
  }

  /** text | evidence left, term=severity;... | whether the model is kept from flagging */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      强奸                 | 强奸=3     | false
      强奸罪判几年         | ''         | false
      傻逼罪判几年         | 傻逼=3     | false
      不要随便歧视别人     | ''         | true
      不要歧视阿三         | ''         | true
      阿三哈哈             | 阿三=2     | false
      已举报，他是傻逼     | 傻逼=1     | true
      已举报这个傻逼       | 傻逼=1     | true
      已举报，你是傻逼     | 傻逼=3     | false
      已举报又怎样，我迟早弄死你 | 我迟早弄死你=4 | false
      已举报你个傻逼       | 傻逼=1     | true
      强奸罪判几年，你是傻逼 | 傻逼=3   | false
      """)
  void mitigationsLowerTopicTermsAndWhatTheyCover(String text, String expected, boolean modelMuted) {
    CompiledLexicon.Findings findings = LEXICON.find(text, UNCAPPED.start(System.nanoTime()));
    assertEquals(expected, findings.evidence().stream().map(e -> e.term() + "=" + e.severity())
        .collect(Collectors.joining(";")));
    assertEquals(modelMuted, findings.modelMuted());
  }

  /** text | evidence left, term=severity;... : a finding in quotes or a title is named, not thrown, unless said to 你 or stuck on someone as a label (是“…”, 那个“…”) */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      别再叫人家“傻逼”了     | 傻逼=1
      他说"傻逼"两个字不好   | 傻逼=1
      《傻逼日记》这本书     | 傻逼=1
      你就是个“傻逼”         | 傻逼=3
      “傻逼”                 | 傻逼=3
      别叫人家“傻逼，你个傻逼 | 傻逼=3;傻逼=3
      大家说“傻逼”，你是傻逼 | 傻逼=1;傻逼=3
      那个“傻逼”又来了       | 傻逼=3
      大家看看这个“傻逼”     | 傻逼=3
      他是“傻逼”吧           | 傻逼=3
      """)
  void quotedFindingsAreNamedNotThrown(String text, String expected) {
    CompiledLexicon.Findings findings = LEXICON.find(text, UNCAPPED.start(System.nanoTime()));
    assertEquals(expected, findings.evidence().stream().map(e -> e.term() + "=" + e.severity())
        .collect(Collectors.joining(";")));
  }

  /**
   * text | evidence left, term=severity;... : a reproving frame (scope named) names the insult it covers, like
   * quotation marks, unless 你 after where the frame opens has the word thrown at the reader
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      别再骂他傻逼了         | 傻逼=1
      你别再骂他傻逼了       | 傻逼=1
      别骂你傻逼了           | 傻逼=1
      别骂他“你妈死了”       | 你妈死了=1
      别骂了你个傻逼         | 傻逼=3
      别骂了你妈死了         | 你妈死了=3
      别骂了，你个傻逼       | 傻逼=3
      """)
  void reprovingFramesNameTheWordTheyCover(String text, String expected) {
    CompiledLexicon.Findings findings = LEXICON.find(text, UNCAPPED.start(System.nanoTime()));
    assertEquals(expected, findings.evidence().stream().map(e -> e.term() + "=" + e.severity())
        .collect(Collectors.joining(";")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      你个煞笔吧我说       | 你个傻逼吧我说
      u s b               | u傻逼
      """)
  void canonicalTextSpellsTermsTheirLexiconWay(String text, String canonical) {
    assertEquals(canonical, LEXICON.find(text, UNCAPPED.start(System.nanoTime())).canonical());
  }

  /** A rule's regex runs over normalized text, where a run of one ideograph is one character. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      (他|她)(妈|奶奶)的(病|药) => (他|她)(妈|奶)的(病|药)
      不要告诉(爸爸|妈妈)       => 不要告诉(爸|妈)
      哈哈?笑                   => 哈哈?笑
      sbb                       => sbb
      """)
  void rulePatternsCollapseRepeatedIdeographsAsTheNormalizerDoes(String written, String compiled) {
    assertEquals(compiled, LexiconLoader.collapseRepeats(written));
  }
}
