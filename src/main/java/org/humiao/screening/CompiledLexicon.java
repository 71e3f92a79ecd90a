package org.humiao.screening;

import org.humiao.screening.text.LexiconException;
import org.humiao.screening.text.CharFolding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lexicon version compiled for matching: its normalizer, the automaton over all terms and
 * their variants, and its rules. Immutable, shared by all threads, swapped whole on reload.
 */
final class CompiledLexicon {
  /** How far (normalized chars) a target marker may stand before / after a target-only term. */
  private static final int TARGET_BEFORE = 6;
  private static final int TARGET_AFTER = 3;
  private static final java.util.Set<Category> BULLYING =
      java.util.EnumSet.of(Category.INSULT, Category.THREAT, Category.EXCLUSION, Category.DEFAMATION,
          Category.DISCRIMINATION);

  /** Modals whose A-not-A question (要不要, 能不能) asks whether to act. */
  private static final String QUESTIONED_MODALS = "要能用该准许会";
  /** Quotation and title marks, each opener followed by its closer, then the symmetric ASCII quote. */
  private static final String QUOTES = "“”‘’「」『』《》\"\"";
  /**
   * What stands just before a quote that labels someone instead of naming a word: a predicate (他是“…”)
   * or a classifier (那个“死胖子”又来了, 他就是个“…”, 这货“…”).
   */
  private static final String LABELLING = "是个位只货条";
  /** Verbs of naming someone: 你 right after one (骂你, 叫你) is who a reported insult was thrown at. */
  private static final String NAMING_VERBS = "叫喊骂说称笑";
  /** What after 你的 closes the sentence or makes it conditional (我会收拾你的啦, 打死你的话): 你 stays the object. */
  private static final String AFTER_FINAL_DE = "啦吧呢啊哦哈呀嘛了话";
  /** Prepositions of comparison a term can end in (狗比): 比 + a noun + an adjective compares. */
  private static final String COMPARATIVES = "比";

  private final Lexicon lexicon;
  private final TextNormalizer normalizer;
  private final VariantGenerator variants;
  private final KeywordAutomaton automaton;
  private final SegmentationGuard guard;
  /** The normalized possessions of context/possessions.tsv. */
  private final List<String> possessions;
  /**
   * By index, where each rule's and each mitigation's regex can start a match; read from its source on
   * first use (a run that cues few rules reads few, and start-up reads none). A slot two threads fill at
   * once gets equal values: StartChars is immutable, its fields final.
   */
  private final StartChars[] ruleStarts;
  private final StartChars[] mitigationStarts;
  private final SceneRules rules;

  CompiledLexicon(Lexicon lexicon, SegmentationGuard guard) {
    this(lexicon, guard, null);
  }

  /** @param cache where the compiled automaton is read from or written to; null: compiled each time */
  CompiledLexicon(Lexicon lexicon, SegmentationGuard guard, LexiconCache cache) {
    this.lexicon = lexicon;
    this.normalizer = new TextNormalizer(lexicon.splitCharacters());
    this.guard = guard;
    this.variants = variants(lexicon, normalizer);
    this.possessions = lexicon.possessions().stream().map(p -> normalizer.normalize(p).text())
        .filter(p -> !p.isEmpty()).toList();
    this.automaton = cache == null ? compile(lexicon, normalizer, variants)
        : cache.automaton(lexicon, () -> compile(lexicon, normalizer, variants));
    this.ruleStarts = new StartChars[lexicon.rules().size()];
    this.mitigationStarts = new StartChars[lexicon.mitigations().size()];
    this.rules = lexicon.policy().rules();
  }

  String version() {
    return lexicon.version();
  }

  private static StartChars startsOf(StartChars[] slots, int i, Pattern pattern) {
    StartChars starts = slots[i];
    if (starts == null) {
      starts = StartChars.of(pattern);
      slots[i] = starts;
    }
    return starts;
  }

  /** The lexicon's own scene rules ({@link DecisionPolicy#rules()}), built once, for calls that name none. */
  SceneRules rules() {
    return rules;
  }

  DecisionPolicy policy() {
    return lexicon.policy();
  }

  TextNormalizer normalizer() {
    return normalizer;
  }

  private static VariantGenerator variants(Lexicon lexicon, TextNormalizer normalizer) {
    Map<Character, List<String>> homophones = new HashMap<>();
    lexicon.homophones().forEach((canonical, spellings) -> homophones.put(
        normalizer.normalize(String.valueOf(canonical)).charAt(0),
        spellings.stream().map(v -> normalizer.normalize(v).text()).filter(v -> !v.isEmpty()).toList()));
    return new VariantGenerator(homophones);
  }

  /**
   * A platform's own terms and allow phrases, compiled with this version's normalizer and
   * homophones: a term tagged phonetic gets the same variant spellings a shared phonetic term gets,
   * any other term only its written form; an allow phrase works as a whitelist phrase.
   */
  KeywordAutomaton overlay(List<Term> terms, List<String> allow) {
    KeywordAutomaton.Builder builder = new KeywordAutomaton.Builder();
    for (Term term : terms) {
      NormalizedText written = normalizer.normalize(term.text());
      String normalized = written.text();
      int collapsed = written.collapsed(0, written.length());
      builder.add(normalized, Keyword.term(term, Keyword.Via.PLATFORM_EXACT, collapsed));
      if (term.has(Term.Tag.PHONETIC)) {
        for (String variant : variants.variants(term.text(), normalized)) {
          builder.add(variant, Keyword.term(term, Keyword.Via.PLATFORM_VARIANT, collapsed));
        }
      }
    }
    addWhitelist(builder, allow, Keyword.PLATFORM_ALLOW);
    return builder.build();
  }

  private void addWhitelist(KeywordAutomaton.Builder builder, List<String> phrases, Keyword keyword) {
    for (String phrase : phrases) {
      String normalized = normalizer.normalize(phrase).text();
      // a phrase that folds to one character (滚滚 → 滚) would whitelist that character everywhere
      if (normalized.length() > 1) {
        builder.add(normalized, keyword);
      }
    }
  }

  private KeywordAutomaton compile(Lexicon lexicon, TextNormalizer normalizer, VariantGenerator variants) {
    KeywordAutomaton.Builder builder = new KeywordAutomaton.Builder();
    Map<String, Term> byText = new HashMap<>();
    for (Term term : lexicon.terms()) {
      NormalizedText written = normalizer.normalize(term.text());
      String normalized = written.text();
      int collapsed = written.collapsed(0, written.length());
      builder.add(normalized, Keyword.term(term, Keyword.Via.EXACT, collapsed));
      byText.putIfAbsent(term.text(), term);
      for (String variant : term.has(Term.Tag.PHONETIC)
          ? variants.variants(term.text(), normalized) : variants.pinyin(term.text(), normalized)) {
        builder.add(variant, Keyword.term(term, Keyword.Via.VARIANT, collapsed));
      }
    }
    lexicon.abbreviations().forEach((abbreviation, expansion) -> {
      Term term = byText.get(expansion);
      if (term == null) {
        throw new LexiconException("abbreviations.tsv: " + abbreviation + " stands for " + expansion
            + ", which is not a term of any terms/*.tsv");
      }
      builder.add(normalizer.normalize(abbreviation).text(), Keyword.term(term, Keyword.Via.ABBREVIATION, 0));
    });
    addWhitelist(builder, lexicon.whitelist(), Keyword.WHITELIST);
    for (String target : lexicon.targets()) {
      builder.add(normalizer.normalize(target).text(), Keyword.TARGET);
    }
    for (String group : lexicon.groups()) {
      builder.add(normalizer.normalize(group).text(), Keyword.GROUP);
    }
    for (int i = 0; i < lexicon.rules().size(); i++) {
      for (String cue : lexicon.rules().get(i).cues()) {
        builder.add(normalizer.normalize(cue).text(), Keyword.cue(i));
      }
    }
    for (int i = 0; i < lexicon.mitigations().size(); i++) {
      for (String cue : lexicon.mitigations().get(i).cues()) {
        builder.add(normalizer.normalize(cue).text(), Keyword.mitigationCue(i));
      }
    }
    return builder.build();
  }

  /**
   * What the lexicon finds in one text, with evidence offsets into the original.
   *
   * @param modelMuted a mitigation (counter-speech) says the model's tone alone must not flag it, or the only
   *     term found was a threat verb on 你 whose object is 你的 + a thing (收拾你的行李)
   * @param mitigated a mitigation lowered a finding: the text talks about a harm (news, law,
   *     prevention, counter-speech) rather than doing it, which a sentence encoder cannot tell apart
   * @param platformAllowed the text holds one of the calling platform's allow phrases
   */
  record Findings(NormalizedText normalized, List<Evidence> evidence, String canonical, boolean modelMuted,
                  boolean mitigated, boolean platformAllowed) {}

  /** What the mitigations of one text did. */
  private record Mitigated(boolean modelMuted, boolean lowered) {}

  private static final Mitigated NOT_MITIGATED = new Mitigated(false, false);

  /** What the shared lexicon alone finds. */
  Findings find(String original, TextBudget budget) {
    return find(original, budget, null);
  }

  /**
   * @param budget charged for each segmentation the matches ask for
   * @param overlay a platform's own terms and allow phrases, scanned into the same hits as the
   *     shared ones (so an allow phrase covers a shared term and the shared whitelist a platform's); null: none
   */
  Findings find(String original, TextBudget budget, KeywordAutomaton overlay) {
    NormalizedText text = normalizer.normalize(original);
    Scan scan = new Scan(text, budget);
    automaton.scan(text, scan);
    if (overlay != null) {
      overlay.scan(text, scan);
    }
    List<Hit> kept = scan.filter();
    List<Evidence> evidence = new ArrayList<>(kept.size() + 1);
    for (Hit hit : kept) {
      Term term = hit.keyword.term();
      // name-calling aimed at someone (你真是个垃圾) is a step worse than the word alone
      int severity = hit.aimed ? Math.min(Term.MAX_SEVERITY, term.severity() + 1) : term.severity();
      evidence.add(new Evidence(term.text(), term.category(), severity,
          text.originalStart(hit.begin), text.originalEnd(hit.end), hit.keyword.via().source()));
    }
    scan.applyRules(evidence);
    scan.lowerQuoted(evidence);
    Mitigated mitigated = scan.applyMitigations(evidence, kept);
    // the models hear a threat in the verb on 你 (收拾你的行李 scores as 收拾你): where the lexicon read its
    // object as a thing and found nothing else, their tone alone does not flag the text
    boolean thingOnly = scan.thingObject && evidence.isEmpty();
    return new Findings(text, evidence, canonical(text, kept), mitigated.modelMuted() || thingOnly,
        mitigated.lowered(), scan.platformAllowed);
  }

  /** The normalized text with every matched spelling replaced by its term, for fingerprints. */
  private static String canonical(NormalizedText text, List<Hit> kept) {
    if (kept.isEmpty()) {
      return text.text();
    }
    StringBuilder sb = new StringBuilder(text.length());
    int i = 0;
    for (Hit hit : kept) {
      if (hit.begin < i) {
        continue;
      }
      sb.append(text.chars(), i, hit.begin - i).append(hit.keyword.term().text());
      i = hit.end;
    }
    return sb.append(text.chars(), i, text.length() - i).toString();
  }

  /**
   * Longest first at each position, so a shorter term inside a kept one is dropped; on the same span
   * a platform's own term first: its judgement of the term (a severity) overrides the shared one.
   */
  private static final Comparator<Hit> HIT_ORDER = Comparator.<Hit>comparingInt(h -> h.begin)
      .thenComparingInt(h -> -h.end)
      .thenComparing(h -> h.keyword.via().source() != EvidenceSource.PLATFORM_LIST);

  private static final class Hit {
    final int begin;
    final int end;
    final Keyword keyword;
    /** A target-only term with 你 or @ in reach. */
    boolean aimed;

    Hit(int begin, int end, Keyword keyword) {
      this.begin = begin;
      this.end = end;
      this.keyword = keyword;
    }

    boolean contains(Hit other) {
      return begin <= other.begin && other.end <= end;
    }
  }

  /** The hits of one text and the filters that decide which of them count. */
  private final class Scan implements KeywordAutomaton.Hits {
    private final NormalizedText text;
    private final TextBudget budget;
    private final List<Hit> terms = new ArrayList<>(4);
    private List<Hit> whitelist;
    private List<Hit> targets;
    private List<Hit> groups;
    private BitSet cuedRules;
    private BitSet cuedMitigations;
    boolean platformAllowed;
    /** A threat term on 你 was read with 你的 + a thing as its object (收拾你的行李). */
    boolean thingObject;

    Scan(NormalizedText text, TextBudget budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public void hit(int begin, int end, Keyword keyword) {
      // a cue is kept as a bit, not as a hit: most of a line's hits are cues
      switch (keyword.kind()) {
        case TERM -> terms.add(new Hit(begin, end, keyword));
        case WHITELIST -> {
          (whitelist == null ? whitelist = new ArrayList<>(2) : whitelist).add(new Hit(begin, end, keyword));
          platformAllowed |= keyword == Keyword.PLATFORM_ALLOW;
        }
        case TARGET -> (targets == null ? targets = new ArrayList<>(2) : targets).add(new Hit(begin, end, keyword));
        case GROUP -> (groups == null ? groups = new ArrayList<>(2) : groups).add(new Hit(begin, end, keyword));
        case CUE -> {
          if (cuedRules == null) {
            cuedRules = new BitSet();
          }
          cuedRules.set(keyword.rule());
        }
        case MITIGATION_CUE -> {
          if (cuedMitigations == null) {
            cuedMitigations = new BitSet();
          }
          cuedMitigations.set(keyword.rule());
        }
      }
    }

    private String plain() {
      return text.text();
    }

    List<Hit> filter() {
      if (terms.isEmpty()) {
        return terms;
      }
      terms.sort(HIT_ORDER);
      List<Hit> kept = new ArrayList<>(terms.size());
      List<Hit> unaimed = new ArrayList<>(0);
      for (Hit hit : terms) {
        if (kept.stream().anyMatch(k -> k.contains(hit) && sameCategory(k, hit))) {
          // dropped whatever its context says, so its segmentations are not made (a third of a chat
          // line's); what reading it records about the text, a threat verb's object read as a thing, still is
          if (spelledAsWritten(hit)) {
            objectIsAThing(hit);
          }
          continue;
        }
        if (!counts(hit)) {
          continue;
        }
        if (hit.keyword.term().has(Term.Tag.TARGET)) {
          hit.aimed = aimedAtPerson(hit);
        }
        (hit.keyword.term().has(Term.Tag.TARGET) && !hit.aimed ? unaimed : kept).add(hit);
      }
      if (!unaimed.isEmpty() && addressesSomeone(kept, unaimed)) {
        kept.addAll(unaimed);
        kept.sort((a, b) -> Integer.compare(a.begin, b.begin));
      }
      return kept;
    }

    private boolean sameCategory(Hit a, Hit b) {
      return a.keyword.term().category() == b.keyword.term().category();
    }

    /**
     * Name-calling with no 你 or @ in sight still addresses someone when it is most of what was
     * said (废物!, 滚滚滚) or comes with other bullying (死胖子离我远点).
     */
    private boolean addressesSomeone(List<Hit> kept, List<Hit> unaimed) {
      int covered = 0;
      for (Hit hit : unaimed) {
        covered += hit.end - hit.begin;
      }
      return covered * 2 >= text.length() || unaimed.size() > 1
          || kept.stream().anyMatch(k -> BULLYING.contains(k.keyword.term().category()));
    }

    private boolean counts(Hit hit) {
      if (!spelledAsWritten(hit) || objectIsAThing(hit) || comparesAfter(hit)) {
        return false;
      }
      // latin spellings have no words to be inside of: their boundaries were checked above
      if (isLatin(hit)) {
        return true;
      }
      if (hit.keyword.guarded()) {
        segmenting();
        return !guard.insideOtherWord(plain(), hit.begin, hit.end);
      }
      // only a Chinese character written right before the match can make a word across its start
      if (hit.begin == 0 || text.gapBefore(hit.begin) || !Character.isIdeographic(text.charAt(hit.begin - 1))) {
        return true;
      }
      if (asksWhether(hit.begin, hit.end)) {
        return false;
      }
      segmenting();
      return !guard.cutAtItsEdges(plain(), hit.begin, hit.end);
    }

    /** Not a collapsed repetition shorter than the term's own, not whitelisted, not inside a latin word. */
    private boolean spelledAsWritten(Hit hit) {
      return text.collapsed(hit.begin, hit.end) >= hit.keyword.collapsed()
          && !whitelisted(hit.begin, hit.end) && latinBoundaries(hit);
    }

    /**
     * A term or rule match that opens with a negated modal (不要告诉老师, 不要跟他玩) read inside the
     * modal's A-not-A question (要不要告诉老师: "should I tell the teacher"): its 不 belongs to the
     * question, so the negation, and the order it gives, was never written. Only modals, whose
     * question asks whether to act: 想不想活了 ("do you want to live") is a threat, and stays. Only a
     * verb phrase after the modal (four characters or more): 要不要脸 asks no question, it is the
     * insult 不要脸 said louder.
     */
    private boolean asksWhether(int begin, int end) {
      return end - begin > 3 && begin > 0 && text.charAt(begin) == '不'
          && text.charAt(begin - 1) == text.charAt(begin + 1)
          && QUESTIONED_MODALS.indexOf(text.charAt(begin + 1)) >= 0
          // 不要不要告诉老师 repeats the order: no question
          && (begin < 2 || text.charAt(begin - 2) != '不');
    }

    /**
     * A term that ends in 你 (收拾你, 打爆你, 修理你) read before 你的 + a noun: the noun is the verb's
     * object, so 收拾你的行李 packs a bag. Only a possession whose harm reaches 你 (打爆你的头, 弄死你的狗,
     * 收拾你的人), read as a whole word (头, not 头发), keeps the term; a 的 that closes the sentence (我会收拾你的！) leaves 你 the object.
     */
    private boolean objectIsAThing(Hit hit) {
      if (!hit.keyword.term().text().endsWith("你")) {
        return false;
      }
      int de = hit.end < text.length() && text.charAt(hit.end) == '们' ? hit.end + 1 : hit.end;
      int noun = de + 1;
      if (noun >= text.length() || text.charAt(de) != '的' || !Character.isIdeographic(text.charAt(noun))
          || AFTER_FINAL_DE.indexOf(text.charAt(noun)) >= 0) {
        return false;
      }
      segmenting();
      // the whole word: 头 is a possession, 头发 a thing
      int nounEnd = guard.wordEnd(plain(), noun);
      for (String possession : possessions) {
        if (noun + possession.length() == nounEnd && plain().startsWith(possession, noun)) {
          return false;
        }
      }
      thingObject = true;
      return true;
    }

    /**
     * A term that ends in a comparative preposition (狗比, 菜比, 坑比) read as the start of a comparison
     * (你家狗比你聪明多了, 菜比肉还贵): its last character opens the next phrase, so the term was never
     * written. Segmented only when a character follows in the clause.
     */
    private boolean comparesAfter(Hit hit) {
      if (COMPARATIVES.indexOf(text.charAt(hit.end - 1)) < 0 || hit.end >= text.length()
          || !Character.isIdeographic(text.charAt(hit.end))) {
        return false;
      }
      segmenting();
      return guard.opensComparison(plain(), hit.begin, hit.end);
    }

    /** Charges one segmentation; the first of the process loads HanLP's dictionaries, not charged. */
    private void segmenting() {
      budget.excuse(guard.load());
      budget.segmentation();
    }

    private boolean isLatin(Hit hit) {
      for (int i = hit.begin; i < hit.end; i++) {
        if (!CharFolding.isLatinWordChar(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private boolean whitelisted(int begin, int end) {
      return whitelist != null && whitelist.stream().anyMatch(w -> w.begin <= begin && end <= w.end);
    }

    /** A latin spelling (sb, shabi) must not be part of a longer latin word (usb, is back). */
    private boolean latinBoundaries(Hit hit) {
      char[] c = text.chars();
      boolean startInWord = CharFolding.isLatinWordChar(c[hit.begin]) && hit.begin > 0
          && CharFolding.isLatinWordChar(c[hit.begin - 1]) && !text.gapBefore(hit.begin);
      boolean endInWord = CharFolding.isLatinWordChar(c[hit.end - 1]) && hit.end < text.length()
          && CharFolding.isLatinWordChar(c[hit.end]) && !text.gapBefore(hit.end);
      return !startInWord && !endInWord;
    }

    /** A person (你, 这货, @name) in reach, or for a group slur a group of people (女的, 河南人). */
    private boolean aimedAtPerson(Hit hit) {
      if (near(targets, hit)
          || (hit.keyword.term().category() == Category.DISCRIMINATION && near(groups, hit))) {
        return true;
      }
      int mention = text.original().indexOf('@');
      return mention >= 0 && mention < text.originalStart(hit.begin);
    }

    private static boolean near(List<Hit> markers, Hit hit) {
      if (markers != null) {
        for (Hit t : markers) {
          if ((t.end <= hit.begin && hit.begin - t.end <= TARGET_BEFORE)
              || (t.begin >= hit.end && t.begin - hit.end <= TARGET_AFTER)) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean alreadyFound(List<Evidence> evidence, ContextRule rule, Matcher m) {
      int start = text.originalStart(m.start());
      int end = text.originalEnd(m.end());
      return evidence.stream().anyMatch(e -> e.category() == rule.category() && e.start() <= start && end <= e.end());
    }

    /**
     * Lowers evidence that a matching mitigation covers (the first {@code kept.size()} entries of
     * evidence are the kept hits, in order, so a topic term is known by its hit).
     *
     * @return whether a matching mitigation keeps the model from flagging the text, and whether one lowered a finding
     */
    Mitigated applyMitigations(List<Evidence> evidence, List<Hit> kept) {
      if (cuedMitigations == null) {
        return NOT_MITIGATED;
      }
      boolean modelMuted = false;
      int[] cap = null;
      for (int i = cuedMitigations.nextSetBit(0); i >= 0; i = cuedMitigations.nextSetBit(i + 1)) {
        Mitigation mitigation = lexicon.mitigations().get(i);
        boolean mutesModel = mitigation.categories().contains(Category.TOXICITY);
        // one that cannot mute the model only lowers evidence of its categories: with none of those
        // found, its pattern (most of a comment's screening time when cued) cannot change the answer
        if (!mutesModel && !anyIn(evidence, mitigation.categories())) {
          continue;
        }
        StartChars.Search search = startsOf(mitigationStarts, i, mitigation.pattern()).search(plain());
        Matcher m = search.matcher();
        List<int[]> spans = new ArrayList<>(1);
        while (search.find() && m.end() > m.start()) {
          spans.add(new int[] {text.originalStart(m.start()), text.originalEnd(m.end())});
        }
        if (spans.isEmpty()) {
          continue;
        }
        boolean textWide = mitigation.scope() == Mitigation.Scope.TEXT;
        modelMuted |= mutesModel && !(textWide && anyAddressedElsewhere(spans));
        for (int e = 0; e < evidence.size(); e++) {
          Evidence found = evidence.get(e);
          boolean topic = e < kept.size() && kept.get(e).keyword.term().has(Term.Tag.TOPIC);
          // a topic term names a harm wherever it stands; a text-wide context covers the rest but
          // bullying thrown at the reader in a clause of its own (a warning about grooming that says
          // 如果有人叫你别告诉家长 speaks to 你 too, and stays covered)
          boolean covered = mitigation.scope() == Mitigation.Scope.NAMED ? named(found, spans)
              : topic || inside(found, spans)
                  || (textWide && !(BULLYING.contains(found.category()) && addressedElsewhere(found, spans)));
          if (mitigation.categories().contains(found.category()) && covered) {
            if (cap == null) {
              cap = new int[evidence.size()];
              java.util.Arrays.fill(cap, Term.MAX_SEVERITY);
            }
            cap[e] = Math.min(cap[e], mitigation.severity());
          }
        }
      }
      if (cap != null) {
        List<Evidence> lowered = new ArrayList<>(evidence.size());
        for (int e = 0; e < evidence.size(); e++) {
          Evidence found = evidence.get(e);
          if (cap[e] > 0) {
            lowered.add(found.severity() <= cap[e] ? found : found.withSeverity(cap[e]));
          }
        }
        evidence.clear();
        evidence.addAll(lowered);
      }
      return new Mitigated(modelMuted, cap != null);
    }

    /**
     * Whether the evidence stands in a clause spoken to the second person (你, 您) that no match of
     * the mitigation reaches: a context the speaker gives of their own act (已举报这个号, a news
     * opening) says what its own clause is, not what a threat or an insult thrown at the reader in
     * another clause is (已举报这个号又怎么样，放学我弄死你).
     */
    private boolean addressedElsewhere(Evidence evidence, List<int[]> spans) {
      return addressedOutside(clauseStart(evidence), spans);
    }

    /**
     * Whether a match of a reproving frame holds the evidence and the word is not thrown at the reader: no
     * 你/您 follows where that match opens in the evidence's clause (别叫了你个傻逼, 别说了你个废物), but for one a
     * naming verb reports (他骂你“废物”是他没素质, 说你是…太过分了) or one inside a quoted word (说别人“你妈死了”…).
     * 你 before the frame is the one reproved (你别再叫他死胖子了).
     */
    private boolean named(Evidence evidence, List<int[]> spans) {
      int word = normalizedAt(evidence.start());
      // a quoted word's own 你 is the quote's: skipped; an unquoted one's (你个废物) is said to the reader
      int wordEnd = quoted(evidence.start(), evidence.end()) ? normalizedAt(evidence.end() - 1) + 1 : word;
      int clauseEnd = clauseEnd(word);
      for (int[] s : spans) {
        if (s[0] <= evidence.start() && evidence.end() <= s[1]
            && !thrownAtReader(normalizedAt(s[0]), word, wordEnd, clauseEnd)) {
          return true;
        }
      }
      return false;
    }

    /** Whether normalized [from, to) holds a 你/您 outside [word, wordEnd) that no naming verb stands right before. */
    private boolean thrownAtReader(int from, int word, int wordEnd, int to) {
      for (int i = from; i < to; i++) {
        boolean reported = i > 0 && NAMING_VERBS.indexOf(text.charAt(i - 1)) >= 0;
        if ((text.charAt(i) == '你' || text.charAt(i) == '您') && (i < word || i >= wordEnd) && !reported) {
          return true;
        }
      }
      return false;
    }

    /** The normalized offset where the clause holding the evidence opens. */
    private int clauseStart(Evidence evidence) {
      int i = normalizedAt(evidence.start());
      while (i > 0 && text.charAt(i - 1) != CharFolding.BOUNDARY_MARK) {
        i--;
      }
      return i;
    }

    /** Whether some clause spoken to the second person lies outside every match (the model's tone there is its own). */
    private boolean anyAddressedElsewhere(List<int[]> spans) {
      for (int i = 0; i < text.length(); i++) {
        if ((i == 0 || text.charAt(i - 1) == CharFolding.BOUNDARY_MARK) && addressedOutside(i, spans)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the clause opening at normalized {@code from} holds 你 or 您 and no span reaches it. */
    private boolean addressedOutside(int from, List<int[]> spans) {
      int to = clauseEnd(from);
      if (!addressed(from, to)) {
        return false;
      }
      int start = text.originalStart(from);
      int end = text.originalEnd(to);
      return spans.stream().noneMatch(s -> s[0] < end && start < s[1]);
    }

    private int clauseEnd(int from) {
      int to = from;
      while (to < text.length() && text.charAt(to) != CharFolding.BOUNDARY_MARK) {
        to++;
      }
      return to;
    }

    /** Whether normalized [from, to) holds 你 or 您. */
    private boolean addressed(int from, int to) {
      for (int i = from; i < to; i++) {
        if (text.charAt(i) == '你' || text.charAt(i) == '您') {
          return true;
        }
      }
      return false;
    }

    /** The normalized char whose original range holds {@code original}, or the last one before it. */
    private int normalizedAt(int original) {
      int lo = 0;
      int hi = text.length() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (text.originalStart(mid) <= original) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    private static boolean anyIn(List<Evidence> evidence, java.util.Set<Category> categories) {
      for (Evidence e : evidence) {
        if (categories.contains(e.category())) {
          return true;
        }
      }
      return false;
    }

    private static boolean inside(Evidence evidence, List<int[]> spans) {
      return spans.stream().anyMatch(s -> s[0] <= evidence.start() && evidence.end() <= s[1]);
    }

    /**
     * A finding written inside quotation marks or title marks (说人家“肥猪”的都住手吧, 把孩子叫“小残废”的家长,
     * 《…》) is named, not thrown: it stays in the evidence at severity 1, so the models still judge the
     * text, unless its clause is spoken to 你/您 (你就是个“废物”, 叫你“死胖子”怎么了) or it is self-harm.
     */
    void lowerQuoted(List<Evidence> evidence) {
      for (int e = 0; e < evidence.size(); e++) {
        Evidence found = evidence.get(e);
        // self-harm stays: 我朋友总说“活着没意思” is someone at risk, and a reviewer should see it
        if (found.severity() > 1 && found.category() != Category.SELF_HARM && quoted(found.start(), found.end())) {
          int clause = clauseStart(found);
          if (!addressed(clause, clauseEnd(clause))) {
            evidence.set(e, found.withSeverity(1));
          }
        }
      }
    }

    /** Whether quotation or title marks enclose [start, end) and the text says something outside them. */
    private boolean quoted(int start, int end) {
      String original = text.original();
      int open = start - 1;
      while (open >= 0 && QUOTES.indexOf(original.charAt(open)) < 0) {
        open--;
      }
      int close = end;
      while (close < original.length() && QUOTES.indexOf(original.charAt(close)) < 0) {
        close++;
      }
      if (open < 0 || close == original.length()) {
        return false;
      }
      char opener = original.charAt(open);
      char closer = original.charAt(close);
      // openers stand at even positions of QUOTES, each before its closer; '"' opens after an even count
      boolean pair = opener == '"'
          ? closer == '"' && original.substring(0, open).chars().filter(c -> c == '"').count() % 2 == 0
          : QUOTES.indexOf(opener) % 2 == 0 && closer == QUOTES.charAt(QUOTES.indexOf(opener) + 1);
      // a title (《…》) is named; a quote after 是 or a classifier is a label stuck on someone
      boolean named = opener == '《' || open == 0 || LABELLING.indexOf(original.charAt(open - 1)) < 0;
      // a line that is nothing but the quote (“河南人偷井盖”) says it
      return pair && named
          && (saysSomething(original, 0, open) || saysSomething(original, close + 1, original.length()));
    }

    private static boolean saysSomething(String original, int from, int to) {
      for (int i = from; i < to; i++) {
        if (Character.isLetter(original.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    void applyRules(List<Evidence> evidence) {
      if (cuedRules == null) {
        return;
      }
      for (int i = cuedRules.nextSetBit(0); i >= 0; i = cuedRules.nextSetBit(i + 1)) {
        ContextRule rule = lexicon.rules().get(i);
        StartChars.Search search = startsOf(ruleStarts, i, rule.pattern()).search(plain());
        Matcher m = search.matcher();
        boolean found = search.find();
        while (found && asksWhether(m.start(), m.end())) {
          found = search.find();
        }
        if (found && m.end() > m.start() && !whitelisted(m.start(), m.end()) && !alreadyFound(evidence, rule, m)) {
          evidence.add(new Evidence(m.group(), rule.category(), rule.severity(),
              text.originalStart(m.start()), text.originalEnd(m.end()), EvidenceSource.RULE, rule.id()));
        }
      }
    }
  }
}
