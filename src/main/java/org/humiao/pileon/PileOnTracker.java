package org.humiao.pileon;

import io.vertx.core.json.JsonObject;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.screening.Category;
import org.humiao.screening.CategoryScore;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sees the campaign behind the messages: every screened message aimed at targets is checked against
 * their protection (which makes its handling stricter), and an abusive one is counted in each
 * target's windows, kept as evidence, and may raise the target to a level of the {@link
 * PileOnPolicy}; the one message that raises it records a {@code bullying_surge} event and, for a
 * minor in a surge, may switch protection on. Thread-safe; calls block when the store does.
 * Targets are kept in the store under their pseudonyms, never under the platform's ids.
 */
public final class PileOnTracker {
  /** A target the model scores as abusive but no category names is counted as insulted. */
  private static final CategoryScore UNNAMED = new CategoryScore(Category.INSULT, 3, 0);
  private static final int MINOR_SEVERITY = 4;
  private static final int ADULT_SEVERITY = 3;
  private static final int PROTECTED_SEVERITY = 1;

  private final PileOnPolicy policy;
  private final PileOnStore store;
  private final MinorLookup minors;
  private final Pseudonyms pseudonyms;
  private final Consumer<ViolationEvent> events;
  private final SurgeListener surges;
  private final List<Duration> windows;
  private final Clock clock;

  /**
   * @param events where {@code bullying_surge} events go
   * @param clock the time messages are counted at (a replay's simulated one)
   */
  public PileOnTracker(PileOnPolicy policy, PileOnStore store, MinorLookup minors, Pseudonyms pseudonyms,
                       Consumer<ViolationEvent> events, Clock clock) {
    this(policy, store, minors, pseudonyms, events, SurgeListener.NONE, clock);
  }

  /** @param surges hears of each level raised, after its event (the platforms' callbacks) */
  public PileOnTracker(PileOnPolicy policy, PileOnStore store, MinorLookup minors, Pseudonyms pseudonyms,
                       Consumer<ViolationEvent> events, SurgeListener surges, Clock clock) {
    this.surges = surges;
    this.clock = clock;
    this.policy = policy;
    this.store = store;
    this.minors = minors;
    this.pseudonyms = pseudonyms;
    this.events = events;
    this.windows = policy.windows();
  }

  public PileOnPolicy policy() {
    return policy;
  }

  /** The tracker's view of one screened message; a message aimed at nobody is left as it is. */
  public Verdict screened(Aim aim, ScreeningResult result) {
    if (aim.targets().isEmpty()) {
      return Verdict.untouched(result);
    }
    Instant at = clock.instant();
    long now = at.toEpochMilli();
    List<String> keys = aim.targets().stream().map(target -> key(aim.platform(), target)).toList();
    boolean shielded = store.protections(keys, now).stream()
        .anyMatch(p -> p.filter(on -> on.scope().covers(aim.relation())).isPresent());
    ScreeningResult handled = shielded ? stricter(result) : result;
    if (!abusive(result)) {
      return new Verdict(handled, shielded, Optional.empty());
    }
    String author = aim.author() == null ? null : pseudonyms.of(aim.platform(), aim.author());
    EvidenceEntry entry = new EvidenceEntry(now, aim.dataId(), author, handled.masked(), handled.decision().id(),
        handled.categories().stream().map(c -> c.category().id()).toList());
    Optional<Verdict.Crossing> highest = Optional.empty();
    for (int i = 0; i < keys.size(); i++) {
      String target = aim.targets().get(i);
      String key = keys.get(i);
      store.addEvidence(key, entry, policy.evidenceRetention(), policy.evidencePerTarget());
      List<Tally> tallies = store.hit(key, now, author, windows, policy.hitsPerTarget());
      boolean minor = minors.isMinor(aim.platform(), target, at);
      Optional<LevelRule> reached = reached(policy.levels(minor), tallies);
      if (reached.isPresent() && store.raise(key, reached.get().level(), now, reached.get().window())) {
        crossed(aim, at, target, key, minor, reached.get(), tallies.get(windows.indexOf(reached.get().window())),
            result);
        if (highest.isEmpty() || highest.get().level().compareTo(reached.get().level()) < 0) {
          highest = Optional.of(new Verdict.Crossing(target, reached.get().level()));
        }
      }
    }
    return new Verdict(handled, shielded, highest);
  }

  /** Abuse: held or blocked for what it says (not for an engine failure), or scored above the policy's level. */
  private boolean abusive(ScreeningResult result) {
    return (result.flagged() && result.reason() != Reason.ENGINE_ERROR) || score(result) >= policy.abuseScore();
  }

  private static double score(ScreeningResult result) {
    return Math.max(result.modelScore(), result.semanticScore().orElse(0));
  }

  /** Aimed at a protected target, a review is a block, and so is a pass the models score above protection's level. */
  private ScreeningResult stricter(ScreeningResult r) {
    Decision decision = r.decision();
    Reason reason = r.reason();
    if (decision == Decision.REVIEW) {
      decision = Decision.BLOCK;
    } else if (decision == Decision.PASS && score(r) >= policy.protectedScore()) {
      decision = Decision.BLOCK;
      reason = r.semanticScore().orElse(0) > r.modelScore() ? Reason.SEMANTIC : Reason.MODEL;
    }
    return new ScreeningResult(decision, reason, r.categories(), r.evidence(), r.masked(), r.modelScore(),
        r.lexiconVersion(), r.tiers(), r.semanticScore());
  }

  /** The highest level whose numbers the tallies reach. */
  private Optional<LevelRule> reached(List<LevelRule> rules, List<Tally> tallies) {
    return rules.stream().filter(rule -> rule.reachedBy(tallies.get(windows.indexOf(rule.window()))))
        .max(Comparator.comparing(LevelRule::level));
  }

  private void crossed(Aim aim, Instant at, String target, String key, boolean minor, LevelRule rule, Tally tally,
      ScreeningResult result) {
    long now = at.toEpochMilli();
    boolean autoProtected = false;
    PileOnPolicy.AutoProtect auto = policy.autoProtect().orElse(null);
    if (minor && rule.level() == RiskLevel.SURGE && auto != null && store.protection(key, now).isEmpty()) {
      store.protect(key, Optional.of(new Protection(auto.scope(), now, now + auto.duration().toMillis(), true)));
      autoProtected = true;
    }
    CategoryScore strongest = result.categories().isEmpty() ? UNNAMED : result.categories().get(0);
    events.accept(ViolationEvent.builder(aim.platform(), ViolationEvent.Kind.BULLYING_SURGE)
        .time(at)
        .category(strongest.category().id(), minor ? MINOR_SEVERITY : ADULT_SEVERITY)
        .rule(rule.level().id())
        .user(key)
        .dataId(aim.dataId())
        .mandatoryReport(minor)
        .evidence(new JsonObject().put("level", rule.level().id()).put("messages", tally.messages())
            .put("authors", tally.authors()).put("windowMinutes", rule.window().toMinutes()).put("minor", minor)
            .put("protectedAutomatically", autoProtected))
        .build());
    if (autoProtected) {
      protectedEvent(aim.platform(), key, minor, auto.scope(), at, Duration.ZERO, ProtectedBy.POLICY);
    }
    surges.surged(new Surge(aim.platform(), target, rule.level(), minor, tally, rule.window(), autoProtected, at,
        aim.dataId()));
  }

  /** The target as its platform may see it now. */
  public TargetStatus status(String platform, String target) {
    Instant now = clock.instant();
    String key = key(platform, target);
    long millis = now.toEpochMilli();
    List<Tally> tallies = store.tallies(key, millis, windows);
    Map<Duration, Tally> counts = new LinkedHashMap<>();
    for (int i = windows.size() - 1; i >= 0; i--) {
      counts.put(windows.get(i), tallies.get(i));
    }
    LevelMark mark = store.level(key, millis);
    Optional<Protection> protection = store.protection(key, millis);
    return new TargetStatus(target, minors.isMinor(platform, target, now), mark, counts, protection,
        suggestions(mark.level(), protection));
  }

  private static List<Suggestion> suggestions(RiskLevel level, Optional<Protection> protection) {
    List<Suggestion> out = new ArrayList<>();
    if (level == RiskLevel.NONE) {
      return out;
    }
    if (protection.isEmpty()) {
      out.add(Suggestion.PROTECT_FROM_STRANGERS);
    }
    if (level == RiskLevel.SURGE) {
      if (protection.map(p -> p.scope() != ProtectionScope.EVERYONE).orElse(true)) {
        out.add(Suggestion.PROTECT_FROM_EVERYONE);
      }
      out.add(Suggestion.COLLECT_EVIDENCE);
    }
    return out;
  }

  /** Switches a target's protection on until {@code until}, or off (empty scope); answers the status after. */
  public TargetStatus protect(String platform, String target, Optional<ProtectionScope> scope, Instant until) {
    Instant now = clock.instant();
    long millis = now.toEpochMilli();
    String key = key(platform, target);
    boolean switchedOn = scope.isPresent() && store.protection(key, millis).isEmpty();
    store.protect(key, scope.map(s -> new Protection(s, millis, until.toEpochMilli(), false)));
    LevelMark mark = store.level(key, millis);
    if (switchedOn && mark.level() == RiskLevel.SURGE) {
      protectedEvent(platform, key, minors.isMinor(platform, target, now), scope.get(), now,
          Duration.ofMillis(millis - mark.since()), ProtectedBy.PLATFORM);
    }
    return status(platform, target);
  }

  /**
   * Journals protection switched on for a target in a surge: how long after the surge began, which
   * regulators read as the time to protection. A protection renewed while one is on is not another.
   */
  private void protectedEvent(String platform, String key, boolean minor, ProtectionScope scope, Instant at,
      Duration sinceSurge, ProtectedBy by) {
    events.accept(ViolationEvent.builder(platform, ViolationEvent.Kind.TARGET_PROTECTED)
        .time(at)
        // a record of care taken, not of harm: the lowest severity, so it never weighs in severity counts
        .category(UNNAMED.category().id(), PROTECTED_SEVERITY)
        .rule(by.id())
        .user(key)
        .evidence(new JsonObject().put("secondsSinceSurge", sinceSurge.toSeconds()).put("by", by.id())
            .put("scope", scope.id()).put("minor", minor))
        .build());
  }

  /**
   * Forgets a platform's user (a deletion request): its own window, level, evidence and protection
   * as a target, and its messages in every target's window and evidence; answers how many entries
   * went. Blocks on the store's I/O: call it on a worker.
   */
  public int forget(String platform, String user) {
    return store.forget(key(platform, user));
  }

  /** The evidence of {@code [from, to)}, oldest first, at most {@code limit} entries. */
  public List<EvidenceEntry> evidence(String platform, String target, Instant from, Instant to, int limit) {
    return store.evidence(key(platform, target), from.toEpochMilli(), to.toEpochMilli(), limit);
  }

  /** A target's key in the store: its pseudonym, so the store holds no platform's user ids. */
  private String key(String platform, String target) {
    return pseudonyms.of(platform, target);
  }
}
