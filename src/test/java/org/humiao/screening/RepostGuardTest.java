package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepostGuardTest {
  private static final String BLOCKED = "加群领取免费皮肤请联系管理员马上发货名额有限快来";
  private static final String UNRELATED = "今天放学以后我们一起去图书馆写作业好不好呀同学们";

  @Test
  void similarityIsHighForNearDuplicatesAndLowForUnrelatedTexts() {
    int[] original = MinHash.of(BLOCKED);
    assertEquals(1.0, MinHash.similarity(original, MinHash.of(BLOCKED)));
    assertTrue(MinHash.similarity(original, MinHash.of(BLOCKED.replace("快来", "速来"))) >= 0.6, "edited repost");
    assertTrue(MinHash.similarity(original, MinHash.of("兄弟们" + BLOCKED)) >= 0.6, "prefixed repost");
    assertTrue(MinHash.similarity(original, MinHash.of(UNRELATED)) < 0.3, "unrelated text");
  }

  @Test
  void findsRememberedContentFromASimilarSignatureOnly() {
    RepostGuard guard = new RepostGuard(1_000, Duration.ofMinutes(5));
    assertTrue(guard.isEmpty());
    assertTrue(guard.find(MinHash.of(BLOCKED), 0.6).isEmpty());

    guard.remember(MinHash.of(BLOCKED), Category.FRAUD);
    assertEquals(Category.FRAUD, guard.find(MinHash.of(BLOCKED), 0.6).orElseThrow());
    assertEquals(Category.FRAUD, guard.find(MinHash.of(BLOCKED.replace("快来", "速来")), 0.6).orElseThrow());
    assertTrue(guard.find(MinHash.of(UNRELATED), 0.6).isEmpty());
  }

  /** Lookups of buckets never filled, answered without the cache, still count as its misses (the metrics' lookups). */
  @Test
  void everyBandLookedUpCountsInTheStatistics() {
    RepostGuard guard = new RepostGuard(1_000, Duration.ofMinutes(5));
    guard.find(MinHash.of(UNRELATED), 0.6);
    assertEquals(8, guard.stats().requestCount(), "eight bands, none filled");
    assertEquals(8, guard.stats().missCount());

    guard.remember(MinHash.of(BLOCKED), Category.FRAUD);
    guard.find(MinHash.of(BLOCKED), 0.6);
    assertEquals(9, guard.stats().requestCount(), "the first band's bucket holds it");
    assertEquals(1, guard.stats().hitCount());
  }

  /**
   * A lookup taken ahead of its turn (a worker of screen FILE) answers, in its turn, as the lookup
   * then would: a text remembered since that touches its bands is found; otherwise the early answer
   * stands and the cache is not asked again.
   */
  @Test
  void anEarlyLookupAnswersInItsTurnAsTheLookupThenWould() {
    RepostGuard guard = new RepostGuard(1_000, Duration.ofMinutes(5));
    int[] repost = MinHash.of(BLOCKED.replace("快来", "速来"));
    RepostGuard.EarlyLookup beforeTheOriginal = guard.lookUpEarly(repost, 0.6);
    RepostGuard.EarlyLookup unrelated = guard.lookUpEarly(MinHash.of(UNRELATED), 0.6);
    guard.remember(MinHash.of(BLOCKED), Category.FRAUD);
    assertEquals(guard.find(repost, 0.6), guard.find(beforeTheOriginal));
    assertEquals(Category.FRAUD, guard.find(beforeTheOriginal).orElseThrow());

    long asked = guard.stats().requestCount();
    assertTrue(guard.find(unrelated).isEmpty());
    RepostGuard.EarlyLookup afterTheOriginal = guard.lookUpEarly(repost, 0.6);
    long askedEarly = guard.stats().requestCount() - asked;
    assertEquals(Category.FRAUD, guard.find(afterTheOriginal).orElseThrow());
    assertEquals(asked + askedEarly, guard.stats().requestCount(), "in their turn, nothing remembered since touched them");

    guard.remember(MinHash.of("完全无关的另一段被拦截的内容里面什么都有一点点"), Category.INSULT);
    assertEquals(Category.FRAUD, guard.find(afterTheOriginal).orElseThrow());
  }
}
