package org.humiao.screening.segments;

import org.humiao.screening.Decision;
import org.humiao.screening.Evidence;
import org.humiao.screening.EvidenceSource;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long posts on the shipped lexicons and model (fast tier): one harmful clause among innocent
 * sentences is found, with evidence in that clause, and the innocent post around it still passes.
 */
class LongTextScreeningTest {
  // innocent sentences of everyday life, 143 characters: with a clause the post is long enough to be scored by segments
  private static final String BEFORE = "我们小区楼下新开了一家面包店，早上七点就开门，全麦吐司和奶油面包都很受欢迎。"
      + "上周六我带着弟弟去排队，排了二十分钟才买到。店主是一对年轻夫妻，听说以前在南方学过手艺。";
  private static final String AFTER = "下次准备试试他们家的芝士蛋糕，据说每天只做三十个。"
      + "妈妈说周末要是天气好，就带我们去江边骑自行车，顺便在那边吃个午饭再回家。";

  private static ScreeningEngine engine;

  @BeforeAll
  static void load() {
    engine = ScreeningEngine.builder(Path.of("lexicons"), Clock.systemDefaultZone()).build();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /**
   * A group attack no term or rule names (disgust, no trait: not a stereotype of rule
   * discrimination.group_trait, which now names the session-11 clause 外地人素质就是低): the clause's segment
   * lifts the post to 0.92, over the model's threshold and the long-text lift (0.6 + 0.15).
   */
  @Test
  void oneHarmfulClauseTheLexiconMissesIsFoundByItsSegment() {
    String clause = "看见外地人就恶心，就该滚回老家去，别来我们这里搞得乌烟瘴气。";
    String text = BEFORE + clause + AFTER;
    ScreeningResult result = engine.screen(text);
    assertEquals(Decision.REVIEW, result.decision(), () -> ScreeningJson.of(result).encode());
    assertEquals(Reason.MODEL, result.reason());
    Evidence segment = result.evidence().stream().filter(e -> e.via() == EvidenceSource.SEGMENT).findFirst().orElseThrow();
    int at = text.indexOf(clause);
    assertTrue(segment.start() <= at + 2 && segment.end() >= at + clause.length() - 2,
        () -> "the segment " + text.substring(segment.start(), segment.end()) + " does not hold the clause");
    assertEquals(text.substring(segment.start(), segment.end()), segment.term());
    assertEquals(0, segment.severity());
    assertEquals(text, result.masked(), "a segment is shown, not masked");
  }

  @Test
  void aThreatInALongPostIsFlaggedWithEvidenceInTheThreat() {
    // other innocent sentences: a blocked post is remembered, and the posts above would be its reposts
    String threat = "放学后你给我等着，看我怎么收拾你。";
    String text = "今天下午我们班去图书馆上阅读课，老师给每个人发了一本新书。放学以后我和同桌一起去操场跑了三圈，然后回家写作业。"
        + threat + "周末打算和表哥去公园放风筝，希望天气晴朗一点。";
    ScreeningResult result = engine.screen(text);
    assertEquals(Decision.BLOCK, result.decision(), () -> ScreeningJson.of(result).encode());
    int at = text.indexOf(threat);
    assertTrue(result.evidence().stream().anyMatch(e -> e.start() >= at && e.end() <= at + threat.length()),
        () -> ScreeningJson.of(result).encode());
  }

  @Test
  void theInnocentPostPasses() {
    String text = BEFORE + "店里还有免费的柠檬水，排队的时候可以随便喝。" + AFTER;
    assertTrue(text.length() >= 150, "long enough to be scored by segments");
    ScreeningResult result = engine.screen(text);
    assertEquals(Decision.PASS, result.decision(), () -> ScreeningJson.of(result).encode());
    assertTrue(result.evidence().isEmpty());
  }

  /**
   * Counter-speech that sounds negative: each clause alone scores 0.97-0.98, and with the session-10
   * rule (the mean of both log-odds, model.review 0.6) the post was flagged at 0.74-0.81; a text scored
   * by segments now needs segments.review-lift more, and the segment counts for 0.4 of the log-odds.
   */
  @ParameterizedTest
  @ValueSource(strings = {"有人说外地人素质低，我觉得这种说法就是地域歧视，不应该这样。", "为什么总有人瞧不起外地人，歧视别人的人自己素质才低吧。",
      "网上那些骂女生的话真难听，凭什么女生就要被人这样歧视。"})
  void aNegativeSoundingInnocentClauseDoesNotFlagTheLongPost(String clause) {
    ScreeningResult result = engine.screen(BEFORE + clause + AFTER);
    assertEquals(Decision.PASS, result.decision(), () -> ScreeningJson.of(result).encode());
    assertTrue(result.evidence().isEmpty(), () -> ScreeningJson.of(result).encode());
  }

  @Test
  void theSegmentsOffsetsPointIntoTheTextAsTyped() {
    // spaces, an emoji and full-width letters are dropped or folded by the normalizer: the offsets must still be the typed ones
    String clause = "看见外地人就恶心，就该滚回老家去，别来我们这里搞得乌烟瘴气。";
    String text = "ＡＢＣ  😀 " + BEFORE.replace("。", "。  ") + clause + AFTER;
    ScreeningResult result = engine.screen(text);
    Evidence segment = result.evidence().stream().filter(e -> e.via() == EvidenceSource.SEGMENT).findFirst()
        .orElseThrow(() -> new AssertionError(ScreeningJson.of(result).encode()));
    String shown = text.substring(segment.start(), segment.end());
    assertEquals(segment.term(), shown);
    assertTrue(shown.contains("看见外地人就恶心") && !Character.isWhitespace(shown.charAt(0))
        && Character.isLetterOrDigit(shown.codePointAt(0)), shown);
  }
}
