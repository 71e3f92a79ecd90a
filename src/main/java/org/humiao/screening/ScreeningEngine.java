package org.humiao.screening;

import org.humiao.screening.model.ToxicityModel;
import org.humiao.screening.pii.PersonalInfoDetector;
import org.humiao.screening.pii.PersonalInfoMatch;
import org.humiao.screening.segments.Segment;
import org.humiao.screening.segments.Segments;
import org.humiao.screening.semantic.SemanticModels;
import org.humiao.screening.semantic.SemanticPolicy;
import org.humiao.screening.semantic.SemanticTier;
import org.humiao.screening.semantic.admission.Admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screens one text: lexicon terms and their variants, context rules, personal information, the
 * statistical model and reposts of blocked content, combined into pass / review / block by the
 * lexicon's {@link DecisionPolicy}; optionally a semantic tier (sentence encoder, head and stacker)
 * re-judges the texts the fast tier is unsure of, within the caller's latency budget.
 * Thread-safe; {@link #reload()} swaps in a new lexicon version (with its models and thresholds)
 * atomically, so a call sees one version from start to end.
 */
public final class ScreeningEngine implements AutoCloseable {
  static final String MODEL_FILE = "model/toxicity.bin";
  static final String SEMANTIC_DIR = "model";
  private static final List<Tier> FAST = List.of(Tier.FAST);
  private static final List<Tier> FAST_AND_SEMANTIC = List.of(Tier.FAST, Tier.SEMANTIC);
  private static final Comparator<CategoryScore> MOST_SEVERE_FIRST = Comparator.comparingInt(CategoryScore::severity).reversed();
  /**
   * A match inside a word (操 in 操场) and enough characters for the model, so every fast stage runs;
   * innocent, since a blocked text would be remembered as one whose reposts are blocked.
   */
  private static final String WARM_UP = "今天放学后去操场打球吗";
  private static final CostCaps WARM_UP_CAPS = new CostCaps(Integer.MAX_VALUE, Duration.ofMinutes(1));

  private final Path lexiconDir;
  private final SegmentationGuard guard = new SegmentationGuard();
  private final Clock clock;
  private final RepostGuard reposts;
  private final TextLimits limits;
  private final CostCaps caps;
  private final SemanticTier semanticTier;
  private final LexiconCache lexiconCache;
  private final AtomicReference<Loaded> current = new AtomicReference<>();
  private final java.util.concurrent.atomic.LongAdder failures = new java.util.concurrent.atomic.LongAdder();
  /** A LazySystemLoggers logger: holding it starts no logging; its first line does. */
  private static final System.Logger LOG = System.getLogger(ScreeningEngine.class.getName());

  /** @param semantic null when the semantic tier is off */
  private record Loaded(CompiledLexicon lexicon, ToxicityModel model, PersonalInfoDetector personalInfo,
                        Semantic semantic) {}

  private record Semantic(SemanticModels models, SemanticPolicy policy) {}

  /**
   * The fast tier only, exactly as before the semantic tier existed.
   *
   * @param clock "today" for the personal-information rules (identity numbers born in the future)
   */
  public ScreeningEngine(Path lexiconDir, Clock clock, RepostGuard reposts, TextLimits limits) {
    this(builder(lexiconDir, clock).reposts(reposts).limits(limits));
  }

  private ScreeningEngine(Builder b) {
    this.lexiconDir = b.lexiconDir;
    this.clock = b.clock;
    this.reposts = b.reposts;
    this.limits = b.limits;
    this.caps = b.caps;
    this.semanticTier = b.semanticTier;
    this.lexiconCache = b.lexiconCache == null ? null : new LexiconCache(b.lexiconCache);
    current.set(load());
    if (b.warmUp) {
      warmUp();
    }
  }

  /**
   * Screens one text through every fast stage before the engine is handed out: a cold first call
   * (class loading, first segmentation, interpreted code) takes longer than a text's budget, and
   * would send the first texts after a start to review as over budget.
   */
  private void warmUp() {
    guard.load(); // the warm-up text may need no segmentation (操场 is whitelisted): load them anyway
    Loaded loaded = current.get();
    // the fast tier only: the semantic tier's queue and counters are for real texts
    Loaded fast = new Loaded(loaded.lexicon(), loaded.model(), loaded.personalInfo(), null);
    try {
      screen(WARM_UP, ScreenOptions.DEFAULT, fast, WARM_UP_CAPS.start(System.nanoTime()), null);
    } catch (RuntimeException e) {
      // a stage that fails here fails on real texts too, and is answered there (fail closed)
      LOG.log(System.Logger.Level.WARNING, "screening warm-up failed: " + e);
    }
  }

  /** @param clock "today" for the personal-information rules */
  public static Builder builder(Path lexiconDir, Clock clock) {
    return new Builder(lexiconDir, clock);
  }

  /** Settings of an engine; each has the default the service uses. */
  public static final class Builder {
    private final Path lexiconDir;
    private final Clock clock;
    private RepostGuard reposts = new RepostGuard(100_000, Duration.ofDays(7));
    private TextLimits limits = new TextLimits(TextLimits.DEFAULT_MAX_LENGTH);
    private CostCaps caps = CostCaps.DEFAULT;
    private SemanticTier semanticTier;
    private Path lexiconCache;
    private boolean warmUp = true;

    private Builder(Path lexiconDir, Clock clock) {
      this.lexiconDir = Objects.requireNonNull(lexiconDir);
      this.clock = Objects.requireNonNull(clock);
    }

    public Builder reposts(RepostGuard reposts) {
      this.reposts = Objects.requireNonNull(reposts);
      return this;
    }

    public Builder limits(TextLimits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder caps(CostCaps caps) {
      this.caps = Objects.requireNonNull(caps);
      return this;
    }

    /**
     * Turns the semantic tier on (off by default); the engine then loads model/semantic-head.bin
     * (and semantic-head-sentences.bin when the stacker takes a head per source),
     * model/semantic-stack.bin and the semantic.* policy lines, and owns the tier (closes it).
     */
    public Builder semanticTier(SemanticTier tier) {
      this.semanticTier = Objects.requireNonNull(tier);
      return this;
    }

    /**
     * Keeps each lexicon version's compiled automaton in {@code directory} (created 0700), read
     * back at the next start or reload of the same lexicon instead of compiled (off by default).
     */
    public Builder lexiconCache(Path directory) {
      this.lexiconCache = Objects.requireNonNull(directory);
      return this;
    }

    /**
     * Whether the engine screens one text through every fast stage before it is handed out (on by
     * default: the service's first texts must not wait past their budget for class loading and
     * HanLP's dictionaries). Off for the file commands, whose lines may never need a segmentation;
     * the first that does loads the dictionaries then, not charged to that text's budget.
     */
    public Builder warmUp(boolean warmUp) {
      this.warmUp = warmUp;
      return this;
    }

    public ScreeningEngine build() {
      return new ScreeningEngine(this);
    }
  }

  /** The semantic tier's counters (texts encoded, skips by cause), empty when the tier is off. */
  public Optional<SemanticTier.Stats> semanticStats() {
    return Optional.ofNullable(semanticTier).map(SemanticTier::stats);
  }

  /** Makes the semantic tier, when on, yield to the fast path while {@code yield} says the process is saturated. */
  public void semanticYieldsTo(Admission.Yield yield) {
    if (semanticTier != null) {
      semanticTier.yieldTo(yield);
    }
  }

  /** Stops the semantic tier's workers; an engine without the tier holds nothing to close. */
  @Override
  public void close() {
    if (semanticTier != null) {
      semanticTier.close();
    }
  }

  /** Whether HanLP's dictionaries are loaded (by the warm-up or a first segmentation). */
  boolean segmentationLoaded() {
    return guard.loaded();
  }

  /** The compiled lexicons' files, when the builder named a directory for them. */
  Optional<LexiconCache> lexiconCache() {
    return Optional.ofNullable(lexiconCache);
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
    // the cache fingerprints the files before they are parsed, so it knows what it caches
    LexiconCache cache = lexiconCache == null ? null : lexiconCache.loading(lexiconDir);
    Lexicon lexicon = cache == null ? LexiconLoader.load(lexiconDir) : cache.lexicon();
    try {
      return new Loaded(new CompiledLexicon(lexicon, guard, cache), ToxicityModel.read(lexiconDir.resolve(MODEL_FILE)),
          PersonalInfoDetector.load(lexiconDir, clock), semanticTier == null ? null : loadSemantic());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the models in " + lexiconDir.resolve("model"), e);
    }
  }

  private Semantic loadSemantic() throws IOException {
    SemanticModels models = SemanticModels.read(lexiconDir.resolve(SEMANTIC_DIR));
    if (!models.encoderId().equals(semanticTier.encoderId())) {
      throw new IOException("the semantic heads were trained on " + models.encoderId() + ", the tier runs " + semanticTier.encoderId());
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(lexiconDir.resolve("policy.properties"))) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new Semantic(models, SemanticPolicy.from(properties));
  }

  /**
   * Compiles a platform's own terms and allow phrases against the lexicon version in force (seconds
   * for thousands of phonetic terms: call it off the event loop and keep the result).
   *
   * @param terms tagged {@link Term.Tag#PHONETIC} when their variant spellings are to be matched too
   * @param allow phrases that stop any term match they cover, as the shared whitelist does
   */
  public LexiconOverlay overlay(List<Term> terms, List<String> allow) {
    CompiledLexicon lexicon = current.get().lexicon();
    return new LexiconOverlay(lexicon.version(), lexicon.overlay(terms, allow));
  }

  /** {@link #screen(String, ScreenOptions)} with the default scene's budget. */
  public ScreeningResult screen(String text) {
    return screen(text, ScreenOptions.DEFAULT);
  }

  /**
   * Screens one text; the semantic tier, when on, runs only where it can change the answer and
   * only if it can answer within the options' budget, counted from this call's start. A text over
   * the engine's {@link CostCaps} is answered as one the engine failed on: review, engine_error.
   *
   * @throws InvalidTextException when the text breaks the limits (too long, control characters)
   */
  public ScreeningResult screen(String text, ScreenOptions options) {
    return settle(screenWaiting(text, options));
  }

  /** Screened up to the repost step, the semantic tier's vectors waited for up to the budget. */
  private Unsettled screenWaiting(String text, ScreenOptions options) {
    return screenUnsettled(text, options, (texts, deadline) -> semanticTier.encode(texts, deadline));
  }

  /**
   * {@link #screen(String, ScreenOptions)} but for its last step, the repost cache, which
   * {@link #settle} takes: a caller screening on several threads settles in input order, on one
   * thread, so whether a near-duplicate of a blocked text is a repost does not depend on which a
   * thread finished first. The cache is read here, ahead of that turn, and {@link #settle} looks up
   * again only if a text remembered since touched a band this lookup read: most of the step's work
   * is done on the screening threads, and its answer is the one the step in its turn would give.
   *
   * @throws InvalidTextException when the text breaks the limits (too long, control characters)
   */
  public Unsettled screenUnsettled(String text, ScreenOptions options) {
    Unsettled unsettled = screenWaiting(text, options);
    RepostStep step = unsettled.repost;
    // an empty cache has nothing to look up ahead: settle looks up in its turn if a text was remembered since
    return step == null || step.remembered() != null || reposts.isEmpty() ? unsettled
        : new Unsettled(unsettled.result, step, reposts.lookUpEarly(step.signature(), step.minSimilarity()));
  }

  /**
   * What a caller that must not wait (an event loop) gets from {@link #screenWithoutWaiting}: the
   * answer, or (null answer) the semantic tier's ticket for a text the tier admitted, to be screened
   * with {@link #screen(String, ScreenOptions, SemanticTier.Ticket)} on a thread that may wait.
   */
  public record Attempt(ScreeningResult result, SemanticTier.Ticket ticket) {}

  /**
   * {@link #screen(String, ScreenOptions)} up to the semantic tier, which it never waits for: a text
   * the tier will not judge (out of its band, or refused by its admission, counted as the tier counts
   * it) gets its answer, one the tier admitted gets the tier's ticket instead.
   */
  public Attempt screenWithoutWaiting(String text, ScreenOptions options) {
    HandOff handOff = new HandOff();
    Unsettled unsettled = screenUnsettled(text, options, handOff);
    return handOff.ticket != null ? new Attempt(null, handOff.ticket) : new Attempt(settle(unsettled), null);
  }

  /** {@link #screen(String, ScreenOptions)} of a text whose tier ticket {@link #screenWithoutWaiting} got. */
  public ScreeningResult screen(String text, ScreenOptions options, SemanticTier.Ticket ticket) {
    try {
      return settle(screenUnsettled(text, options, (texts, deadline) -> semanticTier.encode(ticket, texts)));
    } finally {
      // a reload in between may have kept the text from the tier: its reserved cost is given back
      ticket.release();
    }
  }

  /**
   * How one call asks the semantic tier for its texts' vectors (a text, or a long text and its best
   * segments) by its deadline; empty: the fast verdict stands.
   */
  private interface SemanticAsk {
    Optional<float[][]> vectors(List<String> texts, long deadline);

    /** The call failed after asking: nothing it reserved is kept. */
    default void abandon() {
    }
  }

  /** Asks for admission only, keeping the ticket; the screen then ends on the fast verdict, which its caller drops. */
  private final class HandOff implements SemanticAsk {
    private SemanticTier.Ticket ticket;

    @Override
    public Optional<float[][]> vectors(List<String> texts, long deadline) {
      ticket = semanticTier.admit(texts, deadline).orElse(null);
      return Optional.empty();
    }

    @Override
    public void abandon() {
      if (ticket != null) {
        ticket.release();
        ticket = null;
      }
    }
  }

  private Unsettled screenUnsettled(String text, ScreenOptions options, SemanticAsk semanticAsk) {
    limits.check(text);
    Loaded loaded = current.get();
    try {
      return screen(text, options, loaded, caps.start(System.nanoTime()), semanticAsk);
    } catch (RuntimeException | StackOverflowError e) {
      semanticAsk.abandon();
      // a text that breaks the engine must not pass unscreened, nor take its batch down with it;
      // one line, not a stack trace per crafted text
      LOG.log(System.Logger.Level.WARNING, "screening failed, held for review: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      failures.increment();
      return new Unsettled(ScreeningResult.failedClosed(text, loaded.lexicon().version()), null);
    }
  }

  /**
   * The answer of a text screened up to the repost cache, with that step taken: a blocked text's
   * fingerprint remembered, or another looked up. Returns the unsettled result itself (the same
   * object) when the step changes nothing.
   */
  public ScreeningResult settle(Unsettled unsettled) {
    ScreeningResult result = unsettled.result;
    RepostStep step = unsettled.repost;
    if (step == null) {
      return result;
    }
    if (step.remembered() != null) {
      reposts.remember(step.signature(), step.remembered());
      return result;
    }
    // no method reference for the scene's test: bound per call, it was an allocation per text
    Optional<Category> repostOf = unsettled.early != null ? reposts.find(unsettled.early)
        : reposts.isEmpty() ? Optional.empty() : reposts.find(step.signature(), step.minSimilarity());
    if (repostOf.isEmpty() || !step.rules().screens(repostOf.get())) {
      return result;
    }
    List<Evidence> evidence = new ArrayList<>(result.evidence());
    evidence.add(new Evidence("repost", repostOf.get(), step.rules().blockSeverity(), 0, step.text().length(),
        EvidenceSource.REPOST));
    return new ScreeningResult(Decision.BLOCK, Reason.REPOST, categories(evidence, step.flagScore(), step.scoreFlag()),
        evidence, mask(step.text(), evidence), result.modelScore(), result.lexiconVersion(), result.tiers(),
        result.semanticScore());
  }

  /** A text's answer before the repost cache was asked; {@link #settle} gives the final one. */
  public static final class Unsettled {
    private final ScreeningResult result;
    private final RepostStep repost;
    /** The repost lookup taken ahead of its turn, or null (a text to remember, or a caller settling at once). */
    private final RepostGuard.EarlyLookup early;

    private Unsettled(ScreeningResult result, RepostStep repost) {
      this(result, repost, null);
    }

    private Unsettled(ScreeningResult result, RepostStep repost, RepostGuard.EarlyLookup early) {
      this.result = result;
      this.repost = repost;
      this.early = early;
    }

    /** The answer as it stands before the repost step; {@link #settle} returns this object when the step changes nothing. */
    public ScreeningResult beforeReposts() {
      return result;
    }
  }

  /**
   * What the repost step needs: a blocked text's canonical form and category to remember, or (null
   * category) a canonical form to look up and what a repost answer is built from.
   */
  private record RepostStep(String canonical, Category remembered, double minSimilarity, SceneRules rules,
                            String text, double flagScore, boolean scoreFlag) {
    /**
     * The fingerprint, made only when the step needs it (at most once per path: remembered, looked up
     * ahead, or looked up in turn): a text looked up while nothing is remembered needs none.
     */
    int[] signature() {
      return MinHash.of(canonical);
    }
  }

  /** The semantic tier's latency budget for a scene's texts; zero when the tier is off. */
  public Duration semanticBudget(String scene) {
    Semantic semantic = current.get().semantic();
    return semantic == null ? Duration.ZERO : semantic.policy().budget(scene);
  }

  /** Texts the engine failed on (or that went over their cost caps) since start, each answered review (engine_error). */
  public long failures() {
    return failures.sum();
  }

  private Unsettled screen(String text, ScreenOptions options, Loaded loaded, TextBudget budget, SemanticAsk semanticAsk) {
    long started = System.nanoTime();
    CompiledLexicon lexicon = loaded.lexicon();
    DecisionPolicy policy = lexicon.policy();
    SceneRules rules = options.rules().orElse(lexicon.rules());
    CompiledLexicon.Findings findings = lexicon.find(text, budget,
        options.overlay().map(LexiconOverlay::automaton).orElse(null));
    budget.check(TextBudget.Stage.LEXICON);
    List<Evidence> evidence = findings.evidence();
    addPersonalInfo(loaded.personalInfo(), findings.normalized(), policy, evidence);
    budget.check(TextBudget.Stage.PERSONAL_INFO);
    if (!evidence.isEmpty()) {
      evidence.removeIf(e -> !rules.screens(e.category()));
    }
    // toxicity is what the model and the semantic tier find: off, neither votes
    boolean scoresCount = rules.screens(Category.TOXICITY);

    // too short a text is not scored by the n-gram model (only the semantic tier may judge it)
    boolean modelApplies = findings.normalized().length() >= policy.modelMinLength();
    String scored = modelApplies ? findings.normalized().text() : null;
    double wholeScore = modelApplies ? loaded.model().score(scored) : 0;
    // a long text also by its clauses, so one harmful clause is not diluted by the rest (screening.segments);
    // tested here first so a chat line allocates nothing more
    Optional<Segments.Scored> clause = modelApplies && policy.segments().applies(scored.length())
        ? Segments.score(scored, wholeScore, policy.segments(), loaded.model()::score) : Optional.empty();
    double modelScore = clause.map(Segments.Scored::score).orElse(wholeScore);
    budget.check(TextBudget.Stage.MODEL);
    // the finding that calls for the strictest decision decides, the most severe among equals
    int severity = 0;
    Evidence strongest = null;
    Decision decision = Decision.PASS;
    for (Evidence e : evidence) {
      severity = Math.max(severity, e.severity());
      Decision d = rules.decide(e.category(), e.severity());
      if (e.severity() > 0 && (strongest == null || d.compareTo(decision) > 0
          || d == decision && e.severity() > strongest.severity())) {
        strongest = e;
        decision = d;
      }
    }
    Reason reason = strongest == null ? Reason.NONE : strongest.via().reason();
    double boost = severity == 1 ? policy.modelBoost() : 0;
    // the best of many segments scores high by chance: a text scored by segments needs more (segments.review-lift)
    double lift = clause.isPresent() ? policy.segments().trust().reviewLift() : 0;
    boolean modelFlag = scoresCount && modelApplies && !findings.modelMuted()
        && modelScore + boost >= rules.modelReview().orElse(policy.modelReview()) + lift;
    // the clause a flag by score came from, shown to whoever reviews a long post
    Optional<Segment> shown = clause.filter(Segments.Scored::raised).map(c -> c.best().segment());
    double flagScore = modelScore;
    boolean scoreFlag = false;
    List<Tier> tiers = FAST;
    OptionalDouble semanticScore = OptionalDouble.empty();
    Semantic semantic = loaded.semantic();
    // only a text the lexicon lets pass can change its answer in the semantic tier, and not one the
    // lexicon found talking about a harm rather than doing it: that is the encoder's blind spot
    if (semantic != null && scoresCount && decision == Decision.PASS && !findings.modelMuted()
        && !findings.mitigated() && admits(semantic.policy(), findings.normalized(), modelApplies, modelScore, clause)) {
      String normalized = findings.normalized().text();
      // a long text's best segments go with it: the encoder reads only the first tokens of the whole
      Optional<float[][]> vectors = semanticAsk.vectors(Segments.withTop(normalized, clause),
          started + budget(semantic.policy(), options).toNanos());
      if (vectors.isPresent()) {
        // counted only when the tier ran: a call that only asked for admission (the event loop's) runs again
        clause.ifPresent(c -> semanticTier.leftOut(c.count() - c.top().size()));
        tiers = FAST_AND_SEMANTIC;
        int length = findings.normalized().length();
        double ngram = modelApplies ? modelScore : loaded.model().score(normalized);
        SemanticModels.Stacked stack = semantic.models().stack(ngram, vectors.get()[0], length);
        double stacked = stack.probability();
        if (clause.isPresent()) {
          Segments.Scored c = clause.get();
          float[][] v = vectors.get();
          Segments.Judged judged = Segments.judge(c, stacked, policy.segments().trust(),
              i -> semantic.models().score(c.top().get(i).score(), v[i + 1], c.top().get(i).segment().length()));
          stacked = judged.score();
          shown = judged.raisedBy();
        }
        semanticScore = OptionalDouble.of(stacked);
        boolean shortText = length < policy.modelMinLength();
        double threshold = shortText
            ? rules.semanticShortReview().orElse(semantic.policy().shortReview())
            : rules.semanticReview().orElse(semantic.policy().review());
        // tone alone is not an attack: what the fast tier passed and names no one needs a surer stack
        // (short texts are admitted only when they name someone)
        boolean aimless = !shortText && !modelFlag && !semantic.policy().namesSomeone(normalized);
        double aimed = aimless ? threshold + semantic.policy().aimlessLift() : threshold;
        // the precision guard: what the fast tier passed the stack flags only with the heads' agreement
        boolean agreed = modelFlag || stack.headVote() >= semantic.policy().headAgree();
        // the stack replaces the n-gram model's vote: it saw that model's scores and knows how far to trust them
        modelFlag = false;
        if (stacked + boost >= aimed && agreed) {
          decision = Decision.REVIEW;
          reason = Reason.SEMANTIC;
          flagScore = stacked;
          scoreFlag = true;
        } else if (stacked + boost >= threshold && agreed && reason == Reason.NONE) {
          // the answer says why a score that would have flagged an aimed text did not
          reason = Reason.UNAIMED;
        }
      }
    }
    if (decision == Decision.PASS && modelFlag) {
      decision = Decision.REVIEW;
      reason = Reason.MODEL;
      scoreFlag = true;
    }

    String canonical = findings.canonical();
    boolean fingerprinted = canonical.length() >= policy.repostMinLength();
    RepostStep repost = null;
    // the repost fingerprints are every platform's: a platform's allow phrase exempts its texts from
    // them, and a text blocked by a platform's own term is not remembered for the others
    if (fingerprinted && decision != Decision.BLOCK && !findings.platformAllowed()) {
      repost = new RepostStep(canonical, null, policy.repostMinSimilarity(), rules, text, flagScore, scoreFlag);
    } else if (fingerprinted && decision == Decision.BLOCK && strongest.severity() >= policy.blockSeverity()
        && strongest.via() != EvidenceSource.PLATFORM_LIST) {
      // only what the shared lexicon itself blocks is remembered: the repost cache serves every platform
      // and scene, and a strict scene's block (a mild insult in a nickname) must not block chat lines
      repost = new RepostStep(canonical, strongest.category(), 0, rules, text, flagScore, scoreFlag);
    }
    List<CategoryScore> categories = categories(evidence, flagScore, scoreFlag);
    String masked = mask(text, evidence);
    if (scoreFlag && shown.isPresent()) {
      // shown, not masked
      Segment at = shown.get();
      NormalizedText normalized = findings.normalized();
      int from = normalized.originalStart(at.start());
      int to = normalized.originalEnd(at.end());
      evidence.add(new Evidence(text.substring(from, to), Category.TOXICITY, 0, from, to, EvidenceSource.SEGMENT));
    }
    return new Unsettled(new ScreeningResult(decision, reason, categories, evidence, masked, modelScore,
        lexicon.version(), tiers, semanticScore), repost);
  }

  /**
   * Where the semantic tier can change the answer: a scoreable text whose n-gram probability is in
   * the uncertain band (a long text's is there too when its best segment's reaches the band: one
   * clause the n-gram model half suspects is diluted in the whole), or a text too short for the n-gram
   * model but long enough to mean something that names someone.
   */
  private static boolean admits(SemanticPolicy semantic, NormalizedText normalized, boolean modelApplies, double modelScore,
      Optional<Segments.Scored> clause) {
    if (!modelApplies) {
      return normalized.length() >= semantic.shortMinLength() && semantic.namesSomeone(normalized.text());
    }
    double uncertain = Math.max(modelScore, clause.map(c -> c.best().score()).orElse(modelScore));
    return uncertain >= semantic.bandLow() && modelScore < semantic.bandHigh();
  }

  private static Duration budget(SemanticPolicy semantic, ScreenOptions options) {
    return options.budget().orElseGet(() -> semantic.budget(options.scene()));
  }

  private static void addPersonalInfo(PersonalInfoDetector personalInfo, NormalizedText normalized,
      DecisionPolicy policy, List<Evidence> evidence) {
    for (PersonalInfoMatch m : personalInfo.find(normalized.text())) {
      String kind = m.kind().id();
      Integer severity = policy.personalInfoSeverity().get(kind);
      if (severity != null) {
        evidence.add(new Evidence(kind, Category.PERSONAL_INFO, severity,
            normalized.originalStart(m.start()), normalized.originalEnd(m.end()), EvidenceSource.PERSONAL_INFO, kind));
      }
    }
  }

  private static List<CategoryScore> categories(List<Evidence> evidence, double flagScore, boolean scoreFlag) {
    // most texts: nothing found, no map, list or sort
    if (evidence.isEmpty()) {
      return scoreFlag ? List.of(new CategoryScore(Category.TOXICITY, 0, flagScore)) : List.of();
    }
    Map<Category, CategoryScore> best = new EnumMap<>(Category.class);
    for (Evidence e : evidence) {
      double score = e.via().respelled() ? 0.9 : 1.0;
      best.merge(e.category(), new CategoryScore(e.category(), e.severity(), score),
          (a, b) -> a.severity() >= b.severity() ? a : b);
    }
    List<CategoryScore> list = new ArrayList<>(best.values());
    list.sort(MOST_SEVERE_FIRST);
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
