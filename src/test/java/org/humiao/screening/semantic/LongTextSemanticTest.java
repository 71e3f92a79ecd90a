package org.humiao.screening.semantic;

import org.humiao.TestFiles;
import org.humiao.screening.Decision;
import org.humiao.screening.Evidence;
import org.humiao.screening.EvidenceSource;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long post in the cascade, with an encoder that like BGE reads only a text's first 128 tokens: a
 * threat past them reaches the semantic tier as one of the post's best segments, encoded in the same
 * batch as the post, within the tier's admission; segments past the cap are counted.
 */
class LongTextSemanticTest {
  // innocent sentences, 107 normalized characters, then the threat, then more: the threat starts past 128 characters
  private static final String BEFORE = "我们小区楼下新开了一家面包店，早上七点就开门，全麦吐司和奶油面包都很受欢迎。上周六我带着弟弟去排队，"
      + "排了二十分钟才买到。店主是一对年轻夫妻，听说以前在南方学过手艺。下次准备试试他们家的芝士蛋糕，据说每天只做三十个。"
      + "店里还有免费的柠檬水，排队的时候可以随便喝。";
  private static final String THREAT = "明天体育课你等着，我们几个会在器材室门口等你。";
  private static final String AFTER = "妈妈说周末要是天气好，就带我们去江边骑自行车，顺便在那边吃个午饭再回家。";
  private static final String MARK = "体育课你等着";
  private static final ScreenOptions PATIENT = ScreenOptions.DEFAULT.withBudget(Duration.ofSeconds(10));

  /** [2] (offensive to the head below: 0.998) when the mark is among the first 128 characters it reads, else [0] (0.12). */
  private static final class FirstTokensEncoder extends OneDimensionEncoder {
    final List<List<String>> batches = new CopyOnWriteArrayList<>();

    FirstTokensEncoder() {
      super("fake/1");
    }

    @Override
    public int maxTokens() {
      return 128;
    }

    @Override
    public float[][] encode(List<String> texts) {
      batches.add(List.copyOf(texts));
      // like the real encoder, it reads only the first tokens
      return vectors(texts, t -> t.substring(0, Math.min(maxTokens(), t.length())).contains(MARK) ? 2 : 0);
    }
  }

  /** The shipped lexicons and policy, with a head that reads the fake vector and a stack that passes it through. */
  private static ScreeningEngine engine(Path dir, FirstTokensEncoder encoder) throws IOException {
    TestFiles.copyTree(Path.of("lexicons"), dir);
    new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, -2, "test").write(dir.resolve("model/semantic-head.bin"));
    new Stacker(new float[] {0, 0, 1, 0, 0, 0}, 1, 10, "test").write(dir.resolve("model/semantic-stack.bin"));
    return ScreeningEngine.builder(dir, Clock.systemUTC())
        .semanticTier(new SemanticTier(encoder, SemanticTier.Settings.defaults())).build();
  }

  @Test
  void aThreatPastTheEncodersTokensIsJudgedByTheTierOnThatClause(@TempDir Path dir) throws IOException {
    String text = BEFORE + THREAT + AFTER;
    assertTrue(text.indexOf(THREAT) > 128, "the threat must start past what the encoder reads of the whole post");
    FirstTokensEncoder encoder = new FirstTokensEncoder();
    try (ScreeningEngine engine = engine(dir, encoder)) {
      ScreeningResult result = engine.screen(text, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), result.tiers(), () -> ScreeningJson.of(result).encode());
      assertEquals(Decision.REVIEW, result.decision(), () -> ScreeningJson.of(result).encode() + " " + encoder.batches);
      assertEquals(Reason.SEMANTIC, result.reason());
      Evidence segment = result.evidence().stream().filter(e -> e.via() == EvidenceSource.SEGMENT).findFirst()
          .orElseThrow(() -> new AssertionError(ScreeningJson.of(result).encode()));
      assertEquals(text.substring(segment.start(), segment.end()), segment.term());
      assertTrue(segment.term().contains(MARK), segment.term());
      // one batch: the whole post first, then its best segment (segments.semantic-max = 1)
      assertEquals(1, encoder.batches.size());
      List<String> batch = encoder.batches.get(0);
      assertEquals(2, batch.size(), batch::toString);
      assertTrue(batch.get(0).length() > 150 && !batch.get(0).substring(0, 128).contains(MARK), batch::toString);
      SemanticTier.Stats stats = engine.semanticStats().orElseThrow();
      assertEquals(1, stats.ran());
      assertTrue(stats.segmentsLeftOut() > 0, "segments past the cap are counted: " + stats);
    }
  }

  @Test
  void theSamePostWithoutTheThreatPassesTheTier(@TempDir Path dir) throws IOException {
    FirstTokensEncoder encoder = new FirstTokensEncoder();
    try (ScreeningEngine engine = engine(dir, encoder)) {
      ScreeningResult result = engine.screen(BEFORE + "明天体育课要测八百米，我们几个约好一起在操场练习。" + AFTER, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), result.tiers(), () -> ScreeningJson.of(result).encode());
      assertEquals(Decision.PASS, result.decision(), () -> ScreeningJson.of(result).encode());
      assertTrue(result.evidence().isEmpty());
    }
  }

  @Test
  void aPostWhoseSegmentsDoNotFitTheBudgetKeepsItsFastVerdictCounted(@TempDir Path dir) throws IOException {
    FirstTokensEncoder encoder = new FirstTokensEncoder();
    try (ScreeningEngine engine = engine(dir, encoder)) {
      ScreeningResult result = engine.screen(BEFORE + THREAT + AFTER, ScreenOptions.DEFAULT.withBudget(Duration.ZERO));
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertEquals(Decision.PASS, result.decision(), () -> ScreeningJson.of(result).encode());
      assertTrue(encoder.batches.isEmpty(), "nothing encoded past the budget");
      SemanticTier.Stats stats = engine.semanticStats().orElseThrow();
      assertEquals(0, stats.ran());
      assertEquals(1L, stats.skipped().get(SemanticTier.Skip.BUDGET) + stats.skipped().get(SemanticTier.Skip.LATE),
          stats::toString);
    }
  }
}
