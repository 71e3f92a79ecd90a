package org.humiao.screening;

/**
 * What a string in the automaton stands for: for TERM its term, for CUE (MITIGATION_CUE) the index
 * of its rule (mitigation) in the lexicon's list (an index, so a hit marks it without searching).
 *
 * @param collapsed repeated characters that normalization collapsed in the term's own written
 *     form (色色 → 色: 1); a match must have collapsed at least as many, or a reduplicated term
 *     would match its single character inside ordinary words (有色人种, 中国特色)
 */
record Keyword(Kind kind, Term term, Via via, int rule, int collapsed) {
  enum Kind { TERM, WHITELIST, TARGET, GROUP, CUE, MITIGATION_CUE }

  enum Via {
    EXACT(EvidenceSource.EXACT), VARIANT(EvidenceSource.VARIANT), ABBREVIATION(EvidenceSource.ABBREVIATION),
    /** A platform list's term as written, and a variant spelling generated from one. */
    PLATFORM_EXACT(EvidenceSource.PLATFORM_LIST), PLATFORM_VARIANT(EvidenceSource.PLATFORM_LIST);

    private final EvidenceSource source;

    Via(EvidenceSource source) {
      this.source = source;
    }

    EvidenceSource source() {
      return source;
    }
  }

  static Keyword term(Term term, Via via, int collapsed) {
    return new Keyword(Kind.TERM, term, via, -1, collapsed);
  }

  static Keyword cue(int rule) {
    return new Keyword(Kind.CUE, null, null, rule, 0);
  }

  static Keyword mitigationCue(int mitigation) {
    return new Keyword(Kind.MITIGATION_CUE, null, null, mitigation, 0);
  }

  static final Keyword WHITELIST = new Keyword(Kind.WHITELIST, null, null, -1, 0);
  /** A platform's allow phrase: a whitelist phrase that also tells the text is the platform's own wording. */
  static final Keyword PLATFORM_ALLOW = new Keyword(Kind.WHITELIST, null, null, 1, 0);
  static final Keyword TARGET = new Keyword(Kind.TARGET, null, null, -1, 0);
  static final Keyword GROUP = new Keyword(Kind.GROUP, null, null, -1, 0);

  /** Guarded matches are checked against word segmentation before they count. */
  boolean guarded() {
    return via == Via.VARIANT || via == Via.PLATFORM_VARIANT || term.has(Term.Tag.AMBIGUOUS);
  }
}
