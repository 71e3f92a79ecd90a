package org.humiao.screening.segments;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a normalized text is cut into segments: clauses merged, long ones windowed, the count capped. */
class SegmentsTest {
  private static final SegmentPolicy POLICY = new SegmentPolicy(30, 5, 8, 6, new SegmentTrust(0, 0.5, 0, 2));

  private static List<String> texts(String normalized, SegmentPolicy policy) {
    return Segments.cut(normalized, policy).stream().map(s -> normalized.substring(s.start(), s.end())).toList();
  }

  @Test
  void shortClausesAreMergedWithTheNextUntilLongEnough() {
    // 好的 (2) is merged with 我们明天见 (5); the marks between clauses of one segment stay inside it
    assertEquals(List.of("好的|我们明天见", "今天天气不错", "走吧|真的吗"), texts("好的|我们明天见|今天天气不错|走吧|真的吗", POLICY));
  }

  @Test
  void runsOfMarksAndMarksAtTheEdgesAreLeftOut() {
    assertEquals(List.of("今天天气不错", "明天还会下雨"), texts("||今天天气不错|||明天还会下雨|", POLICY));
  }

  @Test
  void aClauseLongerThanAWindowIsScoredInHalfOverlappingWindowsThatReachItsEnd() {
    // 13 characters, windows of 8 every 4, the last one ending with the clause
    assertEquals(List.of("一二三四五六七八", "五六七八九十甲乙", "六七八九十甲乙丙"), texts("一二三四五六七八九十甲乙丙", POLICY));
  }

  @Test
  void pastTheCapTheTextIsCutIntoAtMostThatManyWindowsCoveringItWhole() {
    String text = "你好世界啊|".repeat(1000); // 1,000 clauses of 5
    List<Segment> segments = Segments.cut(text, POLICY);
    assertTrue(segments.size() <= POLICY.maxSegments(), segments.size() + " segments");
    assertTrue(segments.size() >= POLICY.maxSegments() - 1, segments.size() + " segments");
    assertEquals(0, segments.get(0).start());
    assertEquals(text.length(), segments.get(segments.size() - 1).end());
    for (int i = 1; i < segments.size(); i++) {
      assertTrue(segments.get(i).start() <= segments.get(i - 1).end(), "gap before segment " + i);
    }
  }

  @Test
  void theCapHoldsForEveryLength() {
    for (int length = 30; length < 3000; length += 7) {
      String text = "一二三四|".repeat(length / 5 + 1).substring(0, length);
      assertTrue(Segments.cut(text, POLICY).size() <= POLICY.maxSegments(), "length " + length);
    }
  }

  @Test
  void theBestSegmentRaisesTheScoreToTheMeanOfBothLogOdds() {
    String text = "今天天气不错|我们去公园散步|放学后我弄死你|然后回家吃饭了吧|";
    Optional<Segments.Scored> scored = Segments.score(text, 0.2, POLICY, s -> s.toString().contains("弄死") ? 0.9 : 0.1);
    assertTrue(scored.isPresent());
    assertEquals("放学后我弄死你", text.substring(scored.get().best().segment().start(), scored.get().best().segment().end()));
    assertEquals(1 / (1 + Math.exp(-(Math.log(0.2 / 0.8) + Math.log(0.9 / 0.1)) / 2)), scored.get().score(), 1e-9);
    assertEquals(0.6, scored.get().score(), 0.001); // odds 0.25 and 9: their geometric mean is 1.5
    assertEquals(4, scored.get().count());
  }

  @Test
  void noSegmentAboveTheWholeTextLeavesTheWholeTextsScore() {
    String text = "今天天气不错|我们去公园散步|放学后我们去打球|然后回家吃饭了吧|";
    Segments.Scored scored = Segments.score(text, 0.5, POLICY, s -> 0.3).orElseThrow();
    assertEquals(0.5, scored.score());
    assertFalse(scored.raised());
  }

  @Test
  void aTextShorterThanTheMinimumIsLeftToTheWholeTextScore() {
    assertEquals(Optional.empty(), Segments.score("放学后我弄死你|然后回家", 0.1, POLICY, s -> 1.0));
  }

  @Test
  void aSegmentBelowTheTrustedMinimumDoesNotRaiseTheText() {
    SegmentPolicy strict = new SegmentPolicy(30, 5, 8, 6, new SegmentTrust(0.9, 0.5, 0, 2));
    String text = "今天天气不错|我们去公园散步|放学后我弄死你|然后回家吃饭了吧|";
    Segments.Scored scored = Segments.score(text, 0.2, strict, s -> s.toString().contains("弄死") ? 0.89 : 0.1).orElseThrow();
    assertEquals(0.2, scored.score());
    assertFalse(scored.raised());
    assertTrue(Segments.score(text, 0.2, strict, s -> s.toString().contains("弄死") ? 0.9 : 0.1).orElseThrow().raised());
  }

  @Test
  void theWeightMovesTheLogOddsThatShareOfTheWayToTheSegments() {
    SegmentTrust trust = new SegmentTrust(0, 0.4, 0, 2);
    // log-odds -2 and 3: 0.4 of the way is 0
    assertEquals(0.5, trust.raise(1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(-3))), 1e-9);
    assertEquals(0.3, trust.raise(0.3, 0.2), "a lower segment leaves the whole text's score");
  }

  @Test
  void theTopSegmentsAreTheModelsBestFirstAndAtMostTheCap() {
    String text = "今天天气不错|我们去公园散步|放学后我弄死你|然后回家吃饭了吧|";
    Segments.Scored scored = Segments.score(text, 0.2, POLICY,
        s -> s.toString().contains("弄死") ? 0.9 : s.toString().contains("公园") ? 0.5 : 0.1).orElseThrow();
    assertEquals(List.of("放学后我弄死你", "我们去公园散步"),
        scored.top().stream().map(r -> text.substring(r.segment().start(), r.segment().end())).toList());
    assertEquals(List.of(text, "放学后我弄死你", "我们去公园散步"), Segments.withTop(text, Optional.of(scored)));
    assertEquals(List.of(text), Segments.withTop(text, Optional.empty()));
  }

  @Test
  void aSecondModelsBestTopSegmentRaisesItsWholeScoreByTheSameRule() {
    String text = "今天天气不错|我们去公园散步|放学后我弄死你|然后回家吃饭了吧|";
    Segments.Scored scored = Segments.score(text, 0.2, POLICY,
        s -> s.toString().contains("弄死") ? 0.9 : s.toString().contains("公园") ? 0.5 : 0.1).orElseThrow();
    // the second model disagrees with the first: it finds the park clause the worse one
    Segments.Judged judged = Segments.judge(scored, 0.2, POLICY.trust(), i -> i == 1 ? 0.9 : 0.3);
    assertEquals(POLICY.trust().raise(0.2, 0.9), judged.score(), 1e-12);
    assertEquals(scored.top().get(1).segment(), judged.raisedBy().orElseThrow());
    assertEquals(new Segments.Judged(0.95, Optional.empty()), Segments.judge(scored, 0.95, POLICY.trust(), i -> 0.9));
  }
}
