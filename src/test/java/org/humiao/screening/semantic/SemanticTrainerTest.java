package org.humiao.screening.semantic;

import org.humiao.screening.model.ToxicityTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cascade's training on a tiny synthetic corpus: reproducible to the byte, and it learns. */
class SemanticTrainerTest {
  private static final String ENCODER = "fake/8";

  /** Offensive texts share a marker word and lean on vector dimension 0; the vectors are seeded noise. */
  private static List<SemanticTrainer.Example> corpus() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<SemanticTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean bad = i % 2 == 0;
      float[] v = new float[8];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) rnd.nextGaussian();
      }
      v[0] += bad ? 1.5f : -1.5f;
      String text = (bad ? "你们这些垃圾" : "今天天气不错") + "第" + i + "条" + (i % 7 == 0 ? "" : "评论内容");
      out.add(new SemanticTrainer.Example(text, bad, v));
    }
    return out;
  }

  private static SemanticTrainer.Options options() {
    return new SemanticTrainer.Options(3, 11L, ToxicityTrainer.Options.defaults().withEpochs(2),
        new SemanticHead.Options(8, 10, 0.01, 1e-4, 16, 3L, 1, false), 10, SemanticTrainer.StackFolds.RANDOM, SemanticTrainer.Heads.ONE);
  }

  /**
   * Two topics whose labels live in different vector dimensions (topic a in dimension 0, topic b in
   * dimension 1), and untopical texts that follow dimension 0; the n-gram texts carry no signal.
   */
  private static List<SemanticTrainer.Example> twoTopics() {
    SplittableRandom rnd = new SplittableRandom(5);
    List<SemanticTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      boolean bad = i % 2 == 0;
      String topic = i < 100 ? "a" : i < 200 ? "b" : "";
      float[] v = new float[8];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) rnd.nextGaussian();
      }
      v["b".equals(topic) ? 1 : 0] += bad ? 2.5f : -2.5f;
      out.add(new SemanticTrainer.Example("评论第" + i + "条", bad, v, 1, topic));
    }
    return out;
  }

  /** Share of topic b's examples whose out-of-fold head score falls on the side of their label. */
  private static double topicBAccuracy(SemanticTrainer.Trained t) {
    int right = 0;
    for (int i = 100; i < 200; i++) {
      right += (t.outOfFoldSemantic()[i] >= 0.5) == (i % 2 == 0) ? 1 : 0;
    }
    return right / 100.0;
  }

  private static List<SemanticTrainer.Example> twoSources() {
    return twoSources(0);
  }

  /**
   * Two sources whose labels live in different vector dimensions: COLD-like comments follow
   * dimension 0, our sentences dimension 1 (and are fewer, weighted up as the shipped ones are);
   * dimension 2 tells the sources apart by {@code marker} (comments -marker, sentences +marker).
   */
  private static List<SemanticTrainer.Example> twoSources(float marker) {
    SplittableRandom rnd = new SplittableRandom(9);
    List<SemanticTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      boolean bad = i % 2 == 0;
      SemanticTrainer.Source source = i < 160 ? SemanticTrainer.Source.COMMENTS : SemanticTrainer.Source.SENTENCES;
      float[] v = new float[8];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) rnd.nextGaussian();
      }
      v[source == SemanticTrainer.Source.COMMENTS ? 0 : 1] += bad ? 2.5f : -2.5f;
      v[2] += source == SemanticTrainer.Source.COMMENTS ? -marker : marker;
      out.add(new SemanticTrainer.Example("来源" + source.ordinal() + "第" + i + "条", bad, v, source == SemanticTrainer.Source.COMMENTS ? 1 : 3,
          "", source));
    }
    return out;
  }

  @Test
  void aHeadPerSourceLearnsOnlyItsOwnSourceAndTheStackerWeighsThemApart() {
    SemanticTrainer.Options o = options().withHeads(SemanticTrainer.Heads.PER_SOURCE);
    SemanticTrainer.Trained t = SemanticTrainer.train(twoSources(), ENCODER, o);
    assertEquals(2, t.heads().size());
    assertEquals(2, t.stacker().heads());
    assertEquals(2, t.outOfFoldHeads().length);
    assertEquals(240, t.outOfFoldHeads()[1].length);
    float[] dim0 = new float[8];
    dim0[0] = 2.5f;
    float[] dim1 = new float[8];
    dim1[1] = 2.5f;
    SemanticHead comments = t.heads().get(0);
    SemanticHead sentences = t.heads().get(1);
    // each head knows its own source's dimension and not the other's (one head on both knows both)
    assertTrue(comments.score(dim0) > 0.8, "comments head on dimension 0: " + comments.score(dim0));
    assertTrue(sentences.score(dim1) > 0.8, "sentences head on dimension 1: " + sentences.score(dim1));
    assertTrue(Math.abs(comments.score(dim1) - 0.5) < 0.3, "comments head on dimension 1: " + comments.score(dim1));
    assertTrue(Math.abs(sentences.score(dim0) - 0.5) < 0.3, "sentences head on dimension 0: " + sentences.score(dim0));
    List<SemanticTrainer.Example> own = twoSources().stream().filter(e -> e.source() == SemanticTrainer.Source.COMMENTS).toList();
    assertArrayEquals(SemanticTrainer.trainHead(own, ENCODER, o.head()).toBytes(), comments.toBytes(),
        "the comments head is the head trained on the comments alone");
    // the stacker trusts each head: a high score from either raises the stacked probability
    assertTrue(t.stacker().score(0.5, new double[] {0.9, 0.5}, 20) > t.stacker().score(0.5, new double[] {0.1, 0.5}, 20));
    assertTrue(t.stacker().score(0.5, new double[] {0.5, 0.9}, 20) > t.stacker().score(0.5, new double[] {0.5, 0.1}, 20));
  }

  @Test
  void aHeadPerSourceIsReproducibleAndNeedsBothSources() {
    SemanticTrainer.Options o = options().withHeads(SemanticTrainer.Heads.PER_SOURCE);
    SemanticTrainer.Trained a = SemanticTrainer.train(twoSources(), ENCODER, o);
    SemanticTrainer.Trained b = SemanticTrainer.train(twoSources(), ENCODER, o);
    assertArrayEquals(a.ngram().toBytes(), b.ngram().toBytes());
    for (int h = 0; h < 2; h++) {
      assertArrayEquals(a.heads().get(h).toBytes(), b.heads().get(h).toBytes());
    }
    assertArrayEquals(a.stacker().toBytes(), b.stacker().toBytes());
    SemanticTrainer.Trained one = SemanticTrainer.train(twoSources(), ENCODER, options());
    assertEquals(1, one.heads().size());
    assertArrayEquals(one.ngram().toBytes(), a.ngram().toBytes(), "one n-gram model on both sources either way");
    assertFalse(java.util.Arrays.equals(one.head().toBytes(), a.head().toBytes()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SemanticTrainer.train(corpus(), ENCODER, o));
    assertTrue(e.getMessage().contains("none of SENTENCES"), e.getMessage());
  }

  @Test
  void theGateTellsTheSourcesApartAndTheStackerTrustsEachSourcesHeadWhereTheGateSaysSo() {
    SemanticTrainer.Options o = options().withHeads(SemanticTrainer.Heads.GATED);
    SemanticTrainer.Trained t = SemanticTrainer.train(twoSources(3), ENCODER, o);
    assertEquals(3, t.heads().size());
    assertEquals(3, t.stacker().heads());
    float[] likeSentences = new float[8];
    likeSentences[2] = 3;
    float[] likeComments = new float[8];
    likeComments[2] = -3;
    SemanticHead gate = t.heads().get(2);
    assertTrue(gate.score(likeSentences) > 0.9, "gate on a sentence-like vector: " + gate.score(likeSentences));
    assertTrue(gate.score(likeComments) < 0.1, "gate on a comment-like vector: " + gate.score(likeComments));
    // where the gate says "comment" the comments' head moves the stack more than the sentences' head, and the reverse
    double commentsHeadAtComment = moves(t.stacker(), 0, 0.02);
    double sentencesHeadAtComment = moves(t.stacker(), 1, 0.02);
    double commentsHeadAtSentence = moves(t.stacker(), 0, 0.98);
    double sentencesHeadAtSentence = moves(t.stacker(), 1, 0.98);
    assertTrue(commentsHeadAtComment > sentencesHeadAtComment,
        "at a comment: comments head " + commentsHeadAtComment + ", sentences head " + sentencesHeadAtComment);
    assertTrue(sentencesHeadAtSentence > commentsHeadAtSentence,
        "at a sentence: sentences head " + sentencesHeadAtSentence + ", comments head " + commentsHeadAtSentence);
    SemanticTrainer.Trained again = SemanticTrainer.train(twoSources(3), ENCODER, o);
    for (int h = 0; h < 3; h++) {
      assertArrayEquals(t.heads().get(h).toBytes(), again.heads().get(h).toBytes());
    }
    assertArrayEquals(t.stacker().toBytes(), again.stacker().toBytes());
  }

  /** How far the stacked probability moves when one head goes from 0.1 to 0.9, the other at 0.5, at this gate. */
  private static double moves(Stacker s, int head, double gate) {
    double[] low = {0.5, 0.5, gate};
    double[] high = {0.5, 0.5, gate};
    low[head] = 0.1;
    high[head] = 0.9;
    return s.score(0.5, high, 20) - s.score(0.5, low, 20);
  }

  @Test
  void crossTopicFoldsScoreATopicWithModelsThatNeverSawIt() {
    SemanticTrainer.Options random = options();
    SemanticTrainer.Options topics = options().withStackFolds(SemanticTrainer.StackFolds.TOPICS);
    // random folds: topic b's rows are scored by heads that learned dimension 1 from the rest of b;
    // by topic: by heads trained on a and the untopical rows only, which know nothing of dimension 1
    double seen = topicBAccuracy(SemanticTrainer.train(twoTopics(), ENCODER, random));
    double unseen = topicBAccuracy(SemanticTrainer.train(twoTopics(), ENCODER, topics));
    assertTrue(seen > 0.8, "random folds on topic b: " + seen + " (cross-topic " + unseen + ")");
    assertTrue(unseen < 0.65, "cross-topic folds on topic b: " + unseen);
    int[] fold = SemanticTrainer.stackFolds(twoTopics(), List.of("a", "b"), topics);
    for (int i = 0; i < 200; i++) {
      assertEquals(i < 100 ? 0 : 1, fold[i]);
    }
    int[] plain = SemanticTrainer.folds(240, 3, 11L);
    for (int i = 200; i < 240; i++) {
      assertEquals(plain[i], fold[i], "an untopical example keeps its seeded fold");
    }
  }

  @Test
  void crossTopicTrainingIsReproducibleAndDiffersFromRandomFolds() {
    SemanticTrainer.Options topics = options().withStackFolds(SemanticTrainer.StackFolds.TOPICS);
    SemanticTrainer.Trained a = SemanticTrainer.train(twoTopics(), ENCODER, topics);
    SemanticTrainer.Trained b = SemanticTrainer.train(twoTopics(), ENCODER, topics);
    assertArrayEquals(a.ngram().toBytes(), b.ngram().toBytes());
    assertArrayEquals(a.head().toBytes(), b.head().toBytes());
    assertArrayEquals(a.stacker().toBytes(), b.stacker().toBytes());
    assertFalse(java.util.Arrays.equals(a.stacker().toBytes(), SemanticTrainer.train(twoTopics(), ENCODER, options()).stacker().toBytes()));
    // the final models are trained on every example either way: only the stacker differs
    assertArrayEquals(a.head().toBytes(), SemanticTrainer.train(twoTopics(), ENCODER, options()).head().toBytes());
  }

  @Test
  void crossTopicFoldsNeedSomethingToTrainOnWithoutEachTopic() {
    List<SemanticTrainer.Example> oneTopic = twoTopics().subList(0, 100);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemanticTrainer.train(oneTopic, ENCODER,
        options().withStackFolds(SemanticTrainer.StackFolds.TOPICS)));
    assertTrue(e.getMessage().contains("without topic a"), e.getMessage());
  }

  @Test
  void sameInputSameBytes() {
    SemanticTrainer.Trained a = SemanticTrainer.train(corpus(), ENCODER, options());
    SemanticTrainer.Trained b = SemanticTrainer.train(corpus(), ENCODER, options());
    assertArrayEquals(a.ngram().toBytes(), b.ngram().toBytes());
    assertArrayEquals(a.head().toBytes(), b.head().toBytes());
    assertArrayEquals(a.stacker().toBytes(), b.stacker().toBytes());
  }

  @Test
  void sameInputSameBytesWithABaggedBalancedHead() {
    SemanticTrainer.Options o = options().withHead(options().head().withBags(3).withBalanced(true));
    SemanticTrainer.Trained a = SemanticTrainer.train(corpus(), ENCODER, o);
    SemanticTrainer.Trained b = SemanticTrainer.train(corpus(), ENCODER, o);
    assertArrayEquals(a.head().toBytes(), b.head().toBytes());
    assertArrayEquals(a.stacker().toBytes(), b.stacker().toBytes());
    assertFalse(java.util.Arrays.equals(a.head().toBytes(), SemanticTrainer.train(corpus(), ENCODER, options()).head().toBytes()));
  }

  @Test
  void anotherFoldSeedGivesAnotherStacker() {
    SemanticTrainer.Trained a = SemanticTrainer.train(corpus(), ENCODER, options());
    SemanticTrainer.Options o = options();
    SemanticTrainer.Trained b = SemanticTrainer.train(corpus(), ENCODER,
        new SemanticTrainer.Options(o.folds(), 12L, o.ngram(), o.head(), o.shortLength(), o.stackFolds(), o.heads()));
    assertFalse(java.util.Arrays.equals(a.stacker().toBytes(), b.stacker().toBytes()));
  }

  @Test
  void aDealReDealsTheFoldsAndRestartsTheHeadsButKeepsTheNgramModelOnAll() {
    SemanticTrainer.Options o = options();
    assertEquals(o, o.dealt(0));
    SemanticTrainer.Options second = o.dealt(2);
    assertEquals(o.seed() + 2, second.seed());
    assertEquals(o.head().seed() + 2, second.head().seed());
    assertEquals(o.ngram(), second.ngram());
    SemanticTrainer.Trained a = SemanticTrainer.train(corpus(), ENCODER, o);
    SemanticTrainer.Trained b = SemanticTrainer.train(corpus(), ENCODER, second);
    assertFalse(java.util.Arrays.equals(a.stacker().toBytes(), b.stacker().toBytes()));
    assertFalse(java.util.Arrays.equals(a.head().toBytes(), b.head().toBytes()));
    assertFalse(java.util.Arrays.equals(a.outOfFoldNgram(), b.outOfFoldNgram()), "the folds are dealt anew");
    // the n-gram model on all the data is the same in every deal, so one training of it serves them all
    assertArrayEquals(a.ngram().toBytes(), b.ngram().toBytes());
    SemanticTrainer.Trained shared = SemanticTrainer.train(corpus(), ENCODER, second, SemanticTrainer.trainNgram(corpus(), o));
    assertArrayEquals(b.ngram().toBytes(), shared.ngram().toBytes());
    assertArrayEquals(b.head().toBytes(), shared.head().toBytes());
    assertArrayEquals(b.stacker().toBytes(), shared.stacker().toBytes());
  }

  @Test
  void headAndStackLearnTheSignal() {
    SemanticTrainer.Trained t = SemanticTrainer.train(corpus(), ENCODER, options());
    float[] bad = new float[8];
    bad[0] = 2;
    float[] good = new float[8];
    good[0] = -2;
    assertTrue(t.head().score(bad) > 0.8, "head on an offensive vector: " + t.head().score(bad));
    assertTrue(t.head().score(good) < 0.2, "head on a harmless vector: " + t.head().score(good));
    assertTrue(t.stacker().score(0.5, 0.95, 20) > t.stacker().score(0.5, 0.05, 20));
    assertEquals(200, t.outOfFoldSemantic().length);
  }

  @Test
  void aWeightedExampleCountsAsItsCopiesButScoresOnlyOutOfItsFold() {
    // a small corpus whose vectors say the opposite of the big one's, weighted up: the head must
    // follow it further than unweighted, and every example still has one out-of-fold score
    List<SemanticTrainer.Example> plain = new ArrayList<>(corpus());
    List<SemanticTrainer.Example> weighted = new ArrayList<>(corpus());
    for (int i = 0; i < 20; i++) {
      float[] v = new float[8];
      v[1] = 3;
      plain.add(new SemanticTrainer.Example("另一种说法第" + i + "条", true, v));
      weighted.add(new SemanticTrainer.Example("另一种说法第" + i + "条", true, v, 8));
    }
    float[] probe = new float[8];
    probe[1] = 3;
    probe[0] = -1;
    SemanticTrainer.Trained a = SemanticTrainer.train(plain, ENCODER, options());
    SemanticTrainer.Trained b = SemanticTrainer.train(weighted, ENCODER, options());
    assertTrue(b.head().score(probe) > a.head().score(probe),
        "weighted " + b.head().score(probe) + " vs plain " + a.head().score(probe));
    assertEquals(220, b.outOfFoldSemantic().length);
    assertThrows(IllegalArgumentException.class, () -> new SemanticTrainer.Example("x", true, probe, 0));
  }

  @Test
  void foldsAreBalancedAndCoverEveryExample() {
    int[] fold = SemanticTrainer.folds(10, 3, 1L);
    int[] sizes = new int[3];
    for (int f : fold) {
      sizes[f]++;
    }
    assertArrayEquals(new int[] {4, 3, 3}, sizes);
  }

  @Test
  void filesRoundTripAndACorruptByteIsRefused(@TempDir Path dir) throws Exception {
    SemanticTrainer.Trained t = SemanticTrainer.train(corpus(), ENCODER, options());
    t.head().write(dir.resolve("head.bin"));
    t.stacker().write(dir.resolve("stack.bin"));
    SemanticHead head = SemanticHead.read(dir.resolve("head.bin"));
    Stacker stacker = Stacker.read(dir.resolve("stack.bin"));
    assertEquals(ENCODER, head.encoderId());
    assertArrayEquals(t.head().toBytes(), head.toBytes());
    assertArrayEquals(t.stacker().toBytes(), stacker.toBytes());
    byte[] bytes = t.head().toBytes();
    bytes[bytes.length / 2] ^= 1;
    java.nio.file.Files.write(dir.resolve("bad.bin"), bytes);
    assertThrows(java.io.IOException.class, () -> SemanticHead.read(dir.resolve("bad.bin")));
    assertThrows(java.io.IOException.class, () -> Stacker.read(dir.resolve("head.bin")), "a head is not a stacker");
  }
}
