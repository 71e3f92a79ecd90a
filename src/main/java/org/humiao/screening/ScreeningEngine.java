package org.humiao.screening;

import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.pii.PersonalInfoDetector;
import org.humiao.screening.pii.PersonalInfoMatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screens one text: lexicon terms and their variants, context rules, personal information, the
 * statistical model and reposts of blocked content, combined into pass / review / block by the
 * lexicon's {@link DecisionPolicy}. Thread-safe; {@link #reload()} swaps in a new lexicon version
 * atomically, so a call sees one version from start to end.
 */
public final class ScreeningEngine {
  static final String MODEL_FILE = "model/toxicity.bin";

  private final Path lexiconDir;
  private final SegmentationGuard guard = new SegmentationGuard();
  private final Clock clock;
  private final RepostGuard reposts;
  private final TextLimits limits;
  private final AtomicReference<Loaded> current = new AtomicReference<>();

  private record Loaded(CompiledLexicon lexicon, ToxicityModel model, PersonalInfoDetector personalInfo) {}

  /** @param clock "today" for the personal-information rules (identity numbers born in the future) */
  public ScreeningEngine(Path lexiconDir, Clock clock, RepostGuard reposts, TextLimits limits) {
    this.lexiconDir = lexiconDir;
    this.clock = clock;
    this.reposts = reposts;
    this.limits = limits;
    current.set(load());
  }

  /** The repost fingerprints' cache, kept across reloads. */
  public RepostGuard reposts() {
    return reposts;
  }

  /** Loads the lexicon directory again and swaps it in; a directory that fails to load changes nothing. */
  public String reload() {
    Loaded loaded = load();
    current.set(loaded);
    return loaded.lexicon().version();
  }

  public String version() {
    return current.get().lexicon().version();
  }

  public DecisionPolicy policy() {
    return current.get().lexicon().policy();
  }

  private Loaded load() {
    Lexicon lexicon = LexiconLoader.load(lexiconDir);
    try {
      return new Loaded(new CompiledLexicon(lexicon, guard), ToxicityModel.read(lexiconDir.resolve(MODEL_FILE)),
          PersonalInfoDetector.load(lexiconDir, clock));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + lexiconDir.resolve(MODEL_FILE), e);
    }
  }

  /** @throws InvalidTextException when the text breaks the limits (too long, control characters) */
  public ScreeningResult screen(String text) {
    limits.check(text);
    Loaded loaded = current.get();
    CompiledLexicon lexicon = loaded.lexicon();
    DecisionPolicy policy = lexicon.policy();
    CompiledLexicon.Findings findings = lexicon.find(text);
    List<Evidence> evidence = findings.evidence();
    addPersonalInfo(loaded.personalInfo(), findings.normalized(), policy, evidence);

    // too short a text is left to the lexicon, and not scored at all
    boolean modelApplies = findings.normalized().length() >= policy.modelMinLength();
    double modelScore = modelApplies ? loaded.model().score(findings.normalized().text()) : 0;
    int severity = 0;
    Evidence strongest = null;
    for (Evidence e : evidence) {
      if (e.severity() > severity) {
        severity = e.severity();
        strongest = e;
      }
    }
    Decision decision = policy.decide(severity);
    String reason = strongest == null ? "none" : reasonOf(strongest);
    boolean modelFlag = modelApplies && !findings.modelMuted()
        && modelScore + (severity == 1 ? policy.modelBoost() : 0) >= policy.modelReview();
    if (decision == Decision.PASS && modelFlag) {
      decision = Decision.REVIEW;
      reason = "model";
    }

    String canonical = findings.canonical();
    boolean fingerprinted = canonical.length() >= policy.repostMinLength();
    if (fingerprinted && decision != Decision.BLOCK && !reposts.isEmpty()) {
      Optional<Category> repostOf = reposts.find(MinHash.of(canonical), policy.repostMinSimilarity());
      if (repostOf.isPresent()) {
        decision = Decision.BLOCK;
        reason = "repost";
        evidence.add(new Evidence("repost", repostOf.get(), policy.blockSeverity(), 0, text.length(), "repost"));
      }
    } else if (fingerprinted && decision == Decision.BLOCK) {
      reposts.remember(MinHash.of(canonical), strongest.category());
    }
    return new ScreeningResult(decision, reason, categories(evidence, modelScore, modelFlag), evidence,
        mask(text, evidence), modelScore, lexicon.version());
  }

  private static void addPersonalInfo(PersonalInfoDetector personalInfo, NormalizedText normalized,
      DecisionPolicy policy, List<Evidence> evidence) {
    for (PersonalInfoMatch m : personalInfo.find(normalized.text())) {
      String kind = m.kind().id();
      Integer severity = policy.personalInfoSeverity().get(kind);
      if (severity != null) {
        evidence.add(new Evidence(kind, Category.PERSONAL_INFO, severity,
            normalized.originalStart(m.start()), normalized.originalEnd(m.end()), "pii:" + kind));
      }
    }
  }

  private static String reasonOf(Evidence e) {
    String source = e.source();
    if (source.startsWith("rule:")) {
      return "rule";
    }
    return source.startsWith("pii:") ? "personal_info" : "term";
  }

  private static List<CategoryScore> categories(List<Evidence> evidence, double modelScore, boolean modelFlag) {
    Map<Category, CategoryScore> best = new EnumMap<>(Category.class);
    for (Evidence e : evidence) {
      double score = e.source().equals("variant") || e.source().equals("abbreviation") ? 0.9 : 1.0;
      best.merge(e.category(), new CategoryScore(e.category(), e.severity(), score),
          (a, b) -> a.severity() >= b.severity() ? a : b);
    }
    if (modelFlag && best.isEmpty()) {
      best.put(Category.TOXICITY, new CategoryScore(Category.TOXICITY, 0, modelScore));
    }
    List<CategoryScore> list = new ArrayList<>(best.values());
    list.sort(Comparator.comparingInt(CategoryScore::severity).reversed());
    return list;
  }

  /** Each UTF-16 unit of evidence replaced by '*', so the masked text keeps the original's offsets. */
  private static String mask(String text, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (Evidence e : evidence) {
      java.util.Arrays.fill(chars, e.start(), e.end(), '*');
    }
    return new String(chars);
  }
}
