package org.humiao.moderation.review;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link ReviewStore} does, so the embedded and the Redis store stay interchangeable:
 * each implementation's test class extends this and puts a fresh, empty store in {@link #store}.
 */
abstract class ReviewStoreContract {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  protected ReviewStore store;

  static ReviewTask task(String platform, String dataId, String text) {
    return NewTasks.complaint(platform, TaskKind.REPORT, dataId, "chat", text, "insult",
        new ReviewTask.Complaint("u1", "u2", "骂人", false), T0);
  }

  static ReviewTask.Resolution resolution(String keyId, Instant at) {
    return new ReviewTask.Resolution(Verdict.BLOCK, "insult", "辱骂", keyId, at);
  }

  @Test
  void aTaskIsAddedOncePerIdAndReadBackWhole() {
    ReviewTask first = task("a", "d1", "你个笨蛋");
    assertEquals(first, store.add(first));
    assertEquals(first, store.add(task("a", "d1", "another text")), "the same content's task answers with the first");
    assertEquals(first, store.task("a", first.id()).orElseThrow());
    assertEquals(List.of(first), store.tasks("a"));
    assertEquals(1, store.tasks(null).size());
  }

  @Test
  void anotherPlatformNeitherSeesNorChangesATask() {
    ReviewTask t = store.add(task("a", "d1", "text"));
    store.add(task("b", "d9", "text of b"));
    assertTrue(store.task("b", t.id()).isEmpty());
    assertEquals(List.of("b"), store.tasks("b").stream().map(ReviewTask::platform).toList());
    assertEquals(ReviewStore.Outcome.MISSING, store.claim("b", t.id(), "k", T0, T0.plusSeconds(60)).outcome());
    assertEquals(ReviewStore.Outcome.MISSING, store.resolve("b", t.id(), resolution("k", T0)).outcome());
    assertNull(store.task("a", t.id()).orElseThrow().claim());
  }

  @Test
  void aLeaseHoldsTheTaskUntilItEndsThenTheNextReviewerGetsIt() {
    ReviewTask t = store.add(task("a", "d1", "text"));
    assertEquals(ReviewStore.Outcome.DONE, store.claim("a", t.id(), "k1", T0, T0.plusSeconds(300)).outcome());
    assertEquals(ReviewStore.Outcome.HELD, store.claim("a", t.id(), "k2", T0.plusSeconds(299), T0.plusSeconds(599)).outcome());
    assertEquals(ReviewStore.Outcome.DONE, store.claim("a", t.id(), "k1", T0.plusSeconds(100), T0.plusSeconds(400)).outcome(),
        "the holder renews its lease");
    ReviewStore.Claimed next = store.claim("a", t.id(), "k2", T0.plusSeconds(400), T0.plusSeconds(700));
    assertEquals(ReviewStore.Outcome.DONE, next.outcome());
    assertEquals(new ReviewTask.Claim("k2", T0.plusSeconds(700)), next.task().claim());
    assertEquals(ReviewStore.Outcome.HELD, store.resolve("a", t.id(), resolution("k1", T0.plusSeconds(500))).outcome(),
        "the first reviewer's lease is gone");
  }

  @Test
  void onlyTheHolderOfALiveLeaseResolvesAndOnlyOnce() {
    ReviewTask t = store.add(task("a", "d1", "text"));
    assertEquals(ReviewStore.Outcome.NOT_CLAIMED, store.resolve("a", t.id(), resolution("k1", T0)).outcome());
    store.claim("a", t.id(), "k1", T0, T0.plusSeconds(300));
    assertEquals(ReviewStore.Outcome.NOT_CLAIMED, store.resolve("a", t.id(), resolution("k1", T0.plusSeconds(300))).outcome(),
        "a lapsed lease resolves nothing");
    store.claim("a", t.id(), "k1", T0.plusSeconds(301), T0.plusSeconds(600));
    ReviewStore.Resolved done = store.resolve("a", t.id(), resolution("k1", T0.plusSeconds(310)));
    assertEquals(ReviewStore.Outcome.DONE, done.outcome());
    assertEquals(resolution("k1", T0.plusSeconds(310)), store.task("a", t.id()).orElseThrow().resolution());
    assertEquals(ReviewStore.Outcome.ALREADY_RESOLVED, store.resolve("a", t.id(), resolution("k1", T0.plusSeconds(311))).outcome());
    assertEquals(ReviewStore.Outcome.ALREADY_RESOLVED, store.claim("a", t.id(), "k2", T0.plusSeconds(999), T0.plusSeconds(2000)).outcome());
  }

  @Test
  void textsOfTasksResolvedBeforeTheCutAreDroppedAndNoOthers() {
    ReviewTask early = store.add(task("a", "d1", "early text"));
    ReviewTask late = store.add(task("a", "d2", "late text"));
    ReviewTask open = store.add(task("a", "d3", "open text"));
    for (ReviewTask t : List.of(early, late)) {
      store.claim("a", t.id(), "k", T0, T0.plusSeconds(600));
    }
    store.resolve("a", early.id(), resolution("k", T0.plusSeconds(10)));
    store.resolve("a", late.id(), resolution("k", T0.plusSeconds(20)));
    assertEquals(1, store.dropTexts(T0.plusSeconds(20)));
    assertNull(store.task("a", early.id()).orElseThrow().content().text());
    assertEquals("late text", store.task("a", late.id()).orElseThrow().content().text());
    assertEquals("open text", store.task("a", open.id()).orElseThrow().content().text());
    assertEquals(Verdict.BLOCK, store.task("a", early.id()).orElseThrow().resolution().verdict(), "the record stays");
    assertEquals(0, store.dropTexts(T0.plusSeconds(20)));
  }

  @Test
  void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
    ReviewTask t = store.add(task("a", "d1", "text"));
    List<Callable<ReviewStore.Outcome>> calls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String key = "k" + i;
      calls.add(() -> store.claim("a", t.id(), key, T0, T0.plusSeconds(300)).outcome());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<ReviewStore.Outcome> outcomes = new ArrayList<>();
      for (Future<ReviewStore.Outcome> f : pool.invokeAll(calls)) {
        outcomes.add(f.get());
      }
      assertEquals(1, outcomes.stream().filter(o -> o == ReviewStore.Outcome.DONE).count(), outcomes.toString());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void forgettingAUserDropsTheTextsAndTheIdsOfTheTasksNamingItAndOnlyThose() {
    ReviewTask reported = store.add(NewTasks.complaint("a", TaskKind.REPORT, "d1", "chat", "你个笨蛋 kid-77", "insult",
        new ReviewTask.Complaint("u1", "kid-77", "骂人", true), T0));
    ReviewTask appealed = store.add(NewTasks.complaint("a", TaskKind.APPEAL, "d2", "chat", "我没骂人", "insult",
        new ReviewTask.Complaint("kid-77", null, "kid-77 says it was a joke", true), T0));
    ReviewTask other = store.add(task("a", "d3", "别人的话"));
    ReviewTask elsewhere = store.add(NewTasks.complaint("b", TaskKind.REPORT, "d4", "chat", "b's text", "insult",
        new ReviewTask.Complaint("u1", "kid-77", "骂人", false), T0));
    store.claim("a", reported.id(), "k1", T0, T0.plusSeconds(300));

    assertEquals(2, store.forgetUser("a", "kid-77"));

    ReviewTask r = store.task("a", reported.id()).orElseThrow();
    assertNull(r.content().text());
    assertNull(r.content().masked());
    assertEquals(new ReviewTask.Complaint("u1", null, "骂人", true), r.complaint());
    assertEquals("k1", r.claim().keyId(), "the claim stays");
    assertEquals(new ReviewTask.Complaint(null, null, null, true), store.task("a", appealed.id()).orElseThrow().complaint());
    assertEquals(other, store.task("a", other.id()).orElseThrow());
    assertEquals(elsewhere, store.task("b", elsewhere.id()).orElseThrow(), "another platform's user of that id is another user");
    assertFalse(store.tasks(null).stream().filter(t -> t.platform().equals("a")).map(Object::toString)
        .anyMatch(t -> t.contains("kid-77")));
  }
}
