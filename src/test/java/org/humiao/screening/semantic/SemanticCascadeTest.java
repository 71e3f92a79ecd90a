package org.humiao.screening.semantic;

import org.humiao.TestFiles;
import org.humiao.screening.Category;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.humiao.screening.SceneRules;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's cascade with a fake encoder behind the {@link Encoder} interface: which texts the
 * semantic tier sees, what it decides, and what happens when it is slow, full or broken.
 */
class SemanticCascadeTest {
  private static final String LONG_TEXT = "今天我们一起去图书馆看书然后回家吃饭";
  private static final String SHORT_TEXT = "你好呀";
  // a cold JVM's first screening can take longer than a scene's budget: tests not about the budget wait
  private static final ScreenOptions PATIENT = ScreenOptions.DEFAULT.withBudget(Duration.ofSeconds(10));

  /** Every text becomes [1]: with the head below, a semantic probability of sigmoid(2) = 0.88. */
  private static final class FakeEncoder extends OneDimensionEncoder {
    final AtomicInteger calls = new AtomicInteger();
    final List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean broken;

    FakeEncoder() {
      super("fake/1");
    }

    @Override
    public float[][] encode(List<String> texts) {
      calls.incrementAndGet();
      batchSizes.add(texts.size());
      started.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (broken) {
        throw new IllegalStateException("encoder broke");
      }
      return vectors(texts, t -> 1);
    }
  }

  /** The shipped lexicons with a head that reads the fake vector and a stack that passes it through. */
  private static Path lexicons(Path dir, String bandLow, String bandHigh, String shortReview) throws IOException {
    TestFiles.copyTree(Path.of("lexicons"), dir);
    new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, -2, "test").write(dir.resolve("model/semantic-head.bin"));
    new Stacker(new float[] {0, 0, 1, 0, 0, 0}, 1, 10, "test").write(dir.resolve("model/semantic-stack.bin"));
    Path policy = dir.resolve("policy.properties");
    String text = Files.readString(policy, StandardCharsets.UTF_8)
        .replaceAll("(?m)^semantic\\.band-low=.*$", "semantic.band-low=" + bandLow)
        .replaceAll("(?m)^semantic\\.band-high=.*$", "semantic.band-high=" + bandHigh)
        .replaceAll("(?m)^semantic\\.short-review=.*$", "semantic.short-review=" + shortReview);
    Files.writeString(policy, text, StandardCharsets.UTF_8);
    return dir;
  }

  /** Rewrites one line of a lexicon copy's policy; the engine sees it at its next reload. */
  private static void setPolicy(Path policy, String key, String value) throws IOException {
    Files.writeString(policy, Files.readString(policy)
        .replaceAll("(?m)^" + Pattern.quote(key) + "=.*$", key + "=" + value));
  }

  private static ScreeningEngine engine(Path lexicons, FakeEncoder encoder, SemanticTier.Settings settings) {
    return ScreeningEngine.builder(lexicons, java.time.Clock.systemUTC()).semanticTier(new SemanticTier(encoder, settings)).build();
  }

  @Test
  void anUncertainTextGoesThroughTheTierWhichSendsItToReview(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult result = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), result.tiers());
      assertEquals(Decision.REVIEW, result.decision());
      assertEquals(Reason.SEMANTIC, result.reason());
      assertEquals(0.8808, result.semanticScore().orElseThrow(), 1e-4);
      assertEquals(List.of("fast", "semantic"), ScreeningJson.of(result).getJsonArray("tiers").getList());
      assertEquals(0.8808, ScreeningJson.of(result).getDouble("semanticScore"), 1e-4);
      assertEquals(1, encoder.calls.get());
      assertEquals(1, engine.semanticStats().orElseThrow().ran());
    }
  }

  @Test
  void aStackerWithAHeadPerSourceIsFedBothHeads(@TempDir Path dir) throws IOException {
    Path lex = lexicons(dir, "0", "1", "0.95");
    // the comments' head says 0.88 (as above), the sentences' head sigmoid(-2) = 0.12, and the stack passes
    // only the second head through: the answer is the sentences head's, so the engine read and used it
    SemanticHead comments = SemanticHead.read(lex.resolve("model/semantic-head.bin"));
    SemanticHead sentences = new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {-4}, 2, "test");
    new SemanticModels(List.of(comments, sentences), new Stacker(new float[] {0, 0, 0, 1, 0, 0, 0, 0}, 2, 10, "test"))
        .write(lex.resolve("model"));
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lex, encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult result = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), result.tiers());
      assertEquals(0.1192, result.semanticScore().orElseThrow(), 1e-4);
      assertEquals(Decision.PASS, result.decision());
    }
  }

  @Test
  void aConfidentTextSkipsTheTier(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lexicons(dir, "0.999", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult result = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertEquals(Decision.PASS, result.decision());
      assertTrue(result.semanticScore().isEmpty());
      assertFalse(ScreeningJson.of(result).containsKey("semanticScore"));
      assertEquals(0, encoder.calls.get());
    }
  }

  @Test
  void aTextTheLexiconAlreadyBlocksSkipsTheTier(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult result = engine.screen("你就是个傻逼", PATIENT);
      assertEquals(Decision.BLOCK, result.decision());
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertEquals(0, encoder.calls.get());
    }
  }

  @Test
  void aShortTextIsJudgedAgainstTheStricterThresholdAndReloadReadsANewOne(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    Path lexicons = lexicons(dir, "0.999", "1", "0.95");
    try (ScreeningEngine engine = engine(lexicons, encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult strict = engine.screen(SHORT_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), strict.tiers());
      assertEquals(Decision.PASS, strict.decision(), "0.88 is below the short threshold 0.95");

      Path policy = lexicons.resolve("policy.properties");
      Files.writeString(policy, Files.readString(policy).replace("semantic.short-review=0.95", "semantic.short-review=0.8"));
      engine.reload();
      ScreeningResult lenient = engine.screen(SHORT_TEXT, PATIENT);
      assertEquals(Decision.REVIEW, lenient.decision());
      assertEquals(Reason.SEMANTIC, lenient.reason());
    }
  }

  /** A strategy's scene rules override the semantic thresholds of policy.properties; toxicity off silences the tier. */
  @Test
  void aScenesRulesOverrideTheSemanticThresholds(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      // every text is stacked at 0.88: above semantic.review 0.5, below semantic.short-review 0.95
      assertEquals(Decision.REVIEW, engine.screen(LONG_TEXT, PATIENT).decision());
      assertEquals(Decision.PASS, engine.screen(SHORT_TEXT, PATIENT).decision());
      SceneRules lenient = SceneRules.builder(3, 2).semanticReview(0.9).build();
      assertEquals(Decision.PASS, engine.screen(LONG_TEXT, PATIENT.withRules(lenient)).decision());
      SceneRules shortStrict = SceneRules.builder(3, 2).semanticShortReview(0.8).build();
      ScreeningResult reviewed = engine.screen(SHORT_TEXT, PATIENT.withRules(shortStrict));
      assertEquals(Decision.REVIEW, reviewed.decision());
      assertEquals(Reason.SEMANTIC, reviewed.reason());
      int calls = encoder.calls.get();
      SceneRules toxicityOff = SceneRules.builder(3, 2).off(Category.TOXICITY).build();
      ScreeningResult silent = engine.screen(LONG_TEXT, PATIENT.withRules(toxicityOff));
      assertEquals(Decision.PASS, silent.decision());
      assertEquals(List.of(Tier.FAST), silent.tiers());
      assertEquals(calls, encoder.calls.get());
    }
  }

  @Test
  void aFullQueueLeavesTheFastVerdictAndIsCounted(@TempDir Path dir) throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    encoder.gate = new CountDownLatch(1);
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, new SemanticTier.Settings(1, 1, 1))) {
      Thread first = new Thread(() -> engine.screen(LONG_TEXT, PATIENT));
      first.start();
      encoder.started.await(); // the only worker is now stuck in the encoder
      Thread second = new Thread(() -> engine.screen(LONG_TEXT, PATIENT));
      second.start();
      while (second.getState() != Thread.State.TIMED_WAITING) { // queued, waiting for its vector
        Thread.sleep(5);
      }
      ScreeningResult result = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertEquals(Decision.PASS, result.decision());
      assertEquals(1L, engine.semanticStats().orElseThrow().skipped().get(SemanticTier.Skip.QUEUE_FULL));
      encoder.gate.countDown();
      first.join();
      second.join();
    }
  }

  @Test
  void textsWaitingTogetherAreEncodedInOneBatch(@TempDir Path dir) throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    encoder.gate = new CountDownLatch(1);
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, new SemanticTier.Settings(1, 8, 4))) {
      List<Thread> callers = new java.util.ArrayList<>();
      Thread first = new Thread(() -> engine.screen(LONG_TEXT, PATIENT));
      first.start();
      encoder.started.await();
      for (int i = 0; i < 3; i++) {
        Thread t = new Thread(() -> engine.screen(LONG_TEXT, PATIENT));
        t.start();
        callers.add(t);
      }
      for (Thread t : callers) {
        while (t.getState() != Thread.State.TIMED_WAITING) {
          Thread.sleep(5);
        }
      }
      encoder.gate.countDown();
      first.join();
      for (Thread t : callers) {
        t.join();
      }
      assertEquals(List.of(1, 3), encoder.batchSizes);
      assertEquals(4, engine.semanticStats().orElseThrow().ran());
    }
  }

  @Test
  void aSlowEncoderCannotHoldACallerPastItsBudget(@TempDir Path dir) throws Exception {
    FakeEncoder encoder = new FakeEncoder();
    encoder.gate = new CountDownLatch(1);
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      long started = System.nanoTime();
      ScreeningResult result = engine.screen(LONG_TEXT, ScreenOptions.scene("chat")); // 30 ms in the shipped policy
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      encoder.gate.countDown();
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertTrue(tookMillis < 1000, "took " + tookMillis + " ms");
      // nothing measured yet, so admitted: its vector came too late
      assertEquals(1L, engine.semanticStats().orElseThrow().skipped().get(SemanticTier.Skip.LATE));
    }
  }

  @Test
  void aBrokenEncoderLeavesTheFastVerdictAndIsCounted(@TempDir Path dir) throws IOException {
    FakeEncoder encoder = new FakeEncoder();
    encoder.broken = true;
    try (ScreeningEngine engine = engine(lexicons(dir, "0", "1", "0.95"), encoder, SemanticTier.Settings.defaults())) {
      AtomicReference<ScreeningResult> result = new AtomicReference<>();
      result.set(engine.screen(LONG_TEXT, PATIENT));
      assertEquals(List.of(Tier.FAST), result.get().tiers());
      assertEquals(Decision.PASS, result.get().decision());
      assertEquals(1L, engine.semanticStats().orElseThrow().skipped().get(SemanticTier.Skip.FAILURE));
    }
  }

  @Test
  void withTheTierOffTheResultSaysOnlyTheFastTierRan() {
    try (ScreeningEngine engine = ScreeningEngine.builder(Path.of("lexicons"), java.time.Clock.systemUTC()).build()) {
      ScreeningResult result = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST), result.tiers());
      assertTrue(engine.semanticStats().isEmpty());
    }
  }

  /**
   * semantic.head-agree: the stack (bias 2: 0.88 on every text) may flip the fast tier's pass to review
   * only when the heads' own vote reaches the guard; a head that says 0.12 holds it, one that says 0.88 not.
   */
  @Test
  void theStackFlipsAPassOnlyWhenTheHeadsAgree(@TempDir Path dir) throws IOException {
    Path lex = lexicons(dir, "0", "1", "0.95");
    SemanticHead doubting = new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {-4}, 2, "test");
    Stacker confident = new Stacker(new float[] {2, 0, 0, 0, 0, 0}, 1, 10, "test");
    new SemanticModels(List.of(doubting), confident).write(lex.resolve("model"));
    Path policy = lex.resolve("policy.properties");
    FakeEncoder encoder = new FakeEncoder();
    try (ScreeningEngine engine = engine(lex, encoder, SemanticTier.Settings.defaults())) {
      ScreeningResult unguarded = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(Decision.REVIEW, unguarded.decision(), "head-agree 0: the stack flips alone");
      assertEquals(Reason.SEMANTIC, unguarded.reason());

      setPolicy(policy, "semantic.head-agree", "0.5");
      engine.reload();
      ScreeningResult held = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), held.tiers());
      assertEquals(0.8808, held.semanticScore().orElseThrow(), 1e-4);
      assertEquals(Decision.PASS, held.decision(), "the head says 0.12: no agreement, no flip");

      SemanticHead agreeing = new SemanticHead("fake/1", new float[][] {{1}}, new float[] {0}, new float[] {4}, -2, "test");
      new SemanticModels(List.of(agreeing), confident).write(lex.resolve("model"));
      engine.reload();
      assertEquals(Decision.REVIEW, engine.screen(LONG_TEXT, PATIENT).decision(), "the head says 0.88: it agrees");
    }
  }

  @Test
  void aTextThatNamesNoOneNeedsTheAimlessThresholdAndTheAnswerSaysSo(@TempDir Path dir) throws IOException {
    Path lex = lexicons(dir, "0", "1", "0.95");
    Path policy = lex.resolve("policy.properties");
    // none of semantic.short-cues: a game's map, no one named
    String aimless = "这个游戏的地图很大可以一直往前走到最后";
    try (ScreeningEngine engine = engine(lex, new FakeEncoder(), SemanticTier.Settings.defaults())) {
      assertEquals(Decision.REVIEW, engine.screen(aimless, PATIENT).decision(), "aimless-lift 0: the stack's 0.88 flags it");

      setPolicy(policy, "semantic.aimless-lift", "0.4");
      engine.reload();
      ScreeningResult held = engine.screen(aimless, PATIENT);
      assertEquals(List.of(Tier.FAST, Tier.SEMANTIC), held.tiers());
      assertEquals(0.8808, held.semanticScore().orElseThrow(), 1e-4);
      assertEquals(Decision.PASS, held.decision(), "0.88 is below semantic.review 0.5 + the aimless lift 0.4");
      assertEquals(Reason.UNAIMED, held.reason(), "the answer says why a score above semantic.review did not flag");

      ScreeningResult aimed = engine.screen(LONG_TEXT, PATIENT);
      assertEquals(Decision.REVIEW, aimed.decision(), "我们 names someone: semantic.review decides");
      assertEquals(Reason.SEMANTIC, aimed.reason());
    }
  }

  @Test
  void theHeadsVoteIsTheHeadOrBothSourcesHeadsOrTheirMixByTheGate() {
    assertEquals(0.3, SemanticModels.headVote(new double[] {0.3}), 1e-12);
    assertEquals(0.2, SemanticModels.headVote(new double[] {0.9, 0.2}), 1e-12, "a head per source: both must agree");
    assertEquals(0.75 * 0.9 + 0.25 * 0.2, SemanticModels.headVote(new double[] {0.9, 0.2, 0.25}), 1e-12, "gate 0.25: mostly the comments' head");
    assertEquals(0.2, SemanticModels.headVote(new double[] {0.9, 0.2, 1.0}), 1e-12, "gate 1: the sentences' head");
  }
}
