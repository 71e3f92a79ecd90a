package org.humiao.pileon;

import io.vertx.core.json.JsonObject;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.sim.SettableClock;
import org.humiao.screening.Category;
import org.humiao.screening.CategoryScore;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.Tier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the tracker counts as abuse, how protection hardens a decision, and the shipped policy file. */
class PileOnTrackerTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-06T12:00:00Z"), ZoneOffset.UTC);
  private final List<ViolationEvent> events = new ArrayList<>();
  private final PileOnPolicy policy = PileOnPolicy.load(Path.of("policies")).orElseThrow();
  private final PileOnTracker tracker = new PileOnTracker(policy, new EmbeddedPileOnStore(100), MinorLookup.NOBODY,
      new Pseudonyms("a test pseudonym key".getBytes(StandardCharsets.UTF_8)), events::add, clock);

  private static ScreeningResult result(Decision decision, Reason reason, double modelScore) {
    List<CategoryScore> categories = decision == Decision.PASS ? List.of() : List.of(new CategoryScore(Category.INSULT, 2, 0.6));
    return new ScreeningResult(decision, reason, categories, List.of(), "masked", modelScore, "v1", List.of(Tier.FAST),
        OptionalDouble.empty());
  }

  private Verdict send(String author, ScreeningResult result, String... targets) {
    clock.set(clock.instant().plusSeconds(1));
    return tracker.screened(Aim.builder("p").targets(List.of(targets)).author(author).relation(Relation.STRANGER)
        .build(), result);
  }

  private int messages(String target) {
    return tracker.status("p", target).counts().get(Duration.ofMinutes(10)).messages();
  }

  @Test
  void theShippedPolicyIsTheDocumentedOne() {
    assertEquals(List.of(new LevelRule(RiskLevel.WATCH, 8, 5, Duration.ofMinutes(10)),
        new LevelRule(RiskLevel.SURGE, 20, 10, Duration.ofMinutes(10))), policy.levels(false));
    assertEquals(List.of(new LevelRule(RiskLevel.WATCH, 4, 3, Duration.ofMinutes(10)),
        new LevelRule(RiskLevel.SURGE, 10, 5, Duration.ofMinutes(10))), policy.levels(true));
    assertEquals(Optional.of(new PileOnPolicy.AutoProtect(ProtectionScope.STRANGERS, Duration.ofHours(72))),
        policy.autoProtect());
  }

  @Test
  void abuseIsAHoldOrBlockOrAHighScoreButNotAnEngineFailure() {
    send("a", result(Decision.REVIEW, Reason.TERM, 0), "t");
    send("a", result(Decision.BLOCK, Reason.TERM, 0), "t");
    send("a", result(Decision.PASS, Reason.NONE, policy.abuseScore()), "t");
    send("a", result(Decision.PASS, Reason.NONE, policy.abuseScore() - 0.01), "t");
    send("a", ScreeningResult.failedClosed("text", "v1"), "t");
    assertEquals(3, messages("t"));
    assertEquals(0, messages("nobody"));
  }

  @Test
  void aTextCountsForItsTargetAndEachMention() {
    send("a", result(Decision.BLOCK, Reason.TERM, 0), "reply-to", "mentioned", "reply-to");
    assertEquals(1, messages("reply-to"));
    assertEquals(1, messages("mentioned"));
  }

  @Test
  void protectionMakesAReviewABlockAndBlocksAPassScoredAboveItsLevel() {
    tracker.protect("p", "t", Optional.of(ProtectionScope.STRANGERS), clock.instant().plusSeconds(3600));
    Verdict review = send("a", result(Decision.REVIEW, Reason.TERM, 0), "t");
    assertTrue(review.protectedTarget());
    assertEquals(Decision.BLOCK, review.result().decision());
    Verdict scored = send("a", result(Decision.PASS, Reason.NONE, policy.protectedScore()), "t");
    assertEquals(Decision.BLOCK, scored.result().decision());
    assertEquals(Reason.MODEL, scored.result().reason());
    assertEquals(Decision.PASS, send("a", result(Decision.PASS, Reason.NONE, 0.1), "t").result().decision());
    assertEquals(Decision.REVIEW, send("a", result(Decision.REVIEW, Reason.TERM, 0), "other").result().decision());
    // the hardened block is not counted as more abuse than the text was: only the review counts
    assertEquals(1, messages("t"));
  }

  @Test
  void anAdultsSurgeIsRecordedOnceAtSeverityThree() {
    for (int i = 0; i < 25; i++) {
      send("author-" + (i % 10), result(Decision.BLOCK, Reason.TERM, 0), "t");
    }
    List<String> levels = events.stream().map(ViolationEvent::rule).toList();
    assertEquals(List.of("watch", "surge"), levels);
    ViolationEvent surge = events.get(1);
    assertEquals(ViolationEvent.Kind.BULLYING_SURGE, surge.kind());
    assertEquals(3, surge.severity());
    assertFalse(surge.mandatoryReport());
    assertEquals(new JsonObject().put("level", "surge").put("messages", 20).put("authors", 10).put("windowMinutes", 10)
        .put("minor", false).put("protectedAutomatically", false), surge.evidence());
  }

  @Test
  void aPolicyWithALevelTwiceOrANonPositiveNumberIsRefused() throws Exception {
    JsonObject shipped = new JsonObject(Files.readString(Path.of("policies", PileOnPolicy.FILE)));
    PileOnPolicy.parse(shipped);
    JsonObject twice = shipped.copy();
    twice.getJsonArray("levels").add(twice.getJsonArray("levels").getJsonObject(0).copy());
    assertThrows(IllegalArgumentException.class, () -> PileOnPolicy.parse(twice));
    JsonObject zero = shipped.copy();
    zero.getJsonArray("minorLevels").getJsonObject(1).put("authors", 0);
    assertThrows(IllegalArgumentException.class, () -> PileOnPolicy.parse(zero));
    JsonObject score = shipped.copy().put("abuseScore", 1.5);
    assertThrows(IllegalArgumentException.class, () -> PileOnPolicy.parse(score));
  }

  @Test
  void protectionSwitchedOnInASurgeIsJournaledWithTheTimeSinceTheSurgeAndWhoDidIt() {
    List<Surge> surges = new ArrayList<>();
    PileOnTracker withMinors = new PileOnTracker(policy, new EmbeddedPileOnStore(100),
        (platform, user, at) -> user.equals("kid"), new Pseudonyms("a test pseudonym key".getBytes(StandardCharsets.UTF_8)),
        events::add, surges::add, clock);
    for (int i = 0; i < 20; i++) {
      clock.set(clock.instant().plusSeconds(1));
      for (String target : List.of("kid", "adult")) {
        withMinors.screened(Aim.builder("p").target(target).author("a" + (i % 10)).relation(Relation.STRANGER).build(),
            result(Decision.BLOCK, Reason.TERM, 0));
      }
    }
    // the minor: protected by the policy at the surge itself
    List<ViolationEvent> byPolicy = events.stream().filter(e -> e.kind() == ViolationEvent.Kind.TARGET_PROTECTED).toList();
    assertEquals(1, byPolicy.size(), events::toString);
    assertEquals(new JsonObject().put("secondsSinceSurge", 0L).put("by", "policy").put("scope", "strangers")
        .put("minor", true), byPolicy.get(0).evidence());
    assertEquals("policy", byPolicy.get(0).rule());
    // the adult: the platform switches it on 95 s after its surge; a renewal is not another event
    Instant adultSurge = surges.stream().filter(s -> s.target().equals("adult") && s.level() == RiskLevel.SURGE)
        .findFirst().orElseThrow().at();
    clock.set(adultSurge.plusSeconds(95));
    withMinors.protect("p", "adult", Optional.of(ProtectionScope.EVERYONE), clock.instant().plusSeconds(3600));
    withMinors.protect("p", "adult", Optional.of(ProtectionScope.STRANGERS), clock.instant().plusSeconds(7200));
    withMinors.protect("p", "calm", Optional.of(ProtectionScope.STRANGERS), clock.instant().plusSeconds(3600));
    List<ViolationEvent> protectedEvents = events.stream()
        .filter(e -> e.kind() == ViolationEvent.Kind.TARGET_PROTECTED).toList();
    assertEquals(2, protectedEvents.size(), "one per protection switched on in a surge: " + protectedEvents);
    ViolationEvent byPlatform = protectedEvents.get(1);
    assertEquals(new JsonObject().put("secondsSinceSurge", 95L).put("by", "platform").put("scope", "everyone")
        .put("minor", false), byPlatform.evidence());
    assertEquals(1, byPlatform.severity());
    // every level raised reached the listener once, with the platform's own id of the target
    assertEquals(List.of("kid:watch", "adult:watch", "kid:surge", "adult:surge"),
        surges.stream().map(s -> s.target() + ":" + s.level().id()).toList());
    assertTrue(surges.get(2).protectedAutomatically());
    assertFalse(surges.get(3).protectedAutomatically());
  }
}
