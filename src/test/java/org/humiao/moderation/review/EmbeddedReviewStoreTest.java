package org.humiao.moderation.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded store: what every store does ({@link ReviewStoreContract}), and its own concern, the file. */
class EmbeddedReviewStoreTest extends ReviewStoreContract {
  @TempDir
  Path dir;

  @BeforeEach
  void openContractStore() {
    store = EmbeddedReviewStore.open(dir.resolve("contract"));
  }

  @AfterEach
  void closeContractStore() {
    store.close();
  }

  @Test
  void aForgottenUserIsGoneFromTheFileNotOnlyFromMemory() throws Exception {
    store.add(NewTasks.complaint("a", TaskKind.APPEAL, "d2", "chat", "我没骂人", "insult",
        new ReviewTask.Complaint("kid-77", null, "a joke", true), T0));
    Path file = dir.resolve("contract").resolve(EmbeddedReviewStore.FILE);
    assertTrue(Files.readString(file).contains("kid-77"));
    store.forgetUser("a", "kid-77");
    String stored = Files.readString(file);
    assertFalse(stored.contains("kid-77") || stored.contains("我没骂人"), stored);
  }

  @Test
  void aReopenedStoreHasEveryTaskClaimAndResolution() {
    Path own = dir.resolve("own");
    ReviewTask a;
    ReviewTask b;
    try (ReviewStore s = EmbeddedReviewStore.open(own)) {
      a = s.add(task("p", "d1", "text one"));
      b = s.add(task("p", "d2", "text two"));
      s.claim("p", a.id(), "k", T0, T0.plusSeconds(60));
      s.claim("p", b.id(), "k", T0, T0.plusSeconds(60));
      s.resolve("p", b.id(), resolution("k", T0.plusSeconds(5)));
    }
    try (ReviewStore s = EmbeddedReviewStore.open(own)) {
      assertEquals(new ReviewTask.Claim("k", T0.plusSeconds(60)), s.task("p", a.id()).orElseThrow().claim());
      assertEquals(resolution("k", T0.plusSeconds(5)), s.task("p", b.id()).orElseThrow().resolution());
      assertEquals(2, s.tasks("p").size());
    }
  }

  @Test
  void aLineCutShortByACrashIsDroppedAndTheRestKept() throws Exception {
    Path own = dir.resolve("torn");
    ReviewTask a;
    try (ReviewStore s = EmbeddedReviewStore.open(own)) {
      a = s.add(task("p", "d1", "text one"));
    }
    Files.writeString(own.resolve(EmbeddedReviewStore.FILE), "{\"id\":\"half", StandardOpenOption.APPEND);
    try (ReviewStore s = EmbeddedReviewStore.open(own)) {
      assertEquals(List.of(a), s.tasks(null));
    }
  }

  @Test
  void aDroppedTextLeavesTheFile() throws Exception {
    Path own = dir.resolve("drop");
    try (ReviewStore s = EmbeddedReviewStore.open(own)) {
      ReviewTask a = s.add(task("p", "d1", "秘密的原文"));
      s.claim("p", a.id(), "k", T0, T0.plusSeconds(60));
      s.resolve("p", a.id(), resolution("k", T0.plusSeconds(5)));
      Path file = own.resolve(EmbeddedReviewStore.FILE);
      assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("秘密的原文"));
      s.dropTexts(T0.plusSeconds(6));
      assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains("秘密的原文"));
    }
  }

  /** Screening workers add tasks at once: one force covers several lines, and every task survives a reopen. */
  @Test
  void tasksAddedAtOnceShareForcesAndAllSurviveAReopen() throws Exception {
    Path own = dir.resolve("grouped");
    int threads = 8;
    int each = 100;
    long forces;
    try (EmbeddedReviewStore s = EmbeddedReviewStore.open(own)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < each; i++) {
              s.add(task("p", "d" + thread + "-" + i, "text " + i));
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      forces = s.forces();
    }
    // one force a task would be exactly threads * each; how many share one depends on the disk and the scheduler
    assertTrue(forces < threads * each * 9 / 10, "about one force a task: " + forces + " forces for " + threads * each + " tasks");
    try (ReviewStore reopened = EmbeddedReviewStore.open(own)) {
      assertEquals(threads * each, reopened.tasks("p").size());
    }
  }
}
