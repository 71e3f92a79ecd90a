package org.humiao.screening;

/**
 * What a string in the automaton stands for: for TERM its term, for CUE the index of its rule in
 * the lexicon's rules (an index, so a hit marks its rule without searching the list).
 */
record Keyword(Kind kind, Term term, Via via, int rule) {
  enum Kind { TERM, WHITELIST, TARGET, CUE }

  enum Via {
    EXACT, VARIANT, ABBREVIATION;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Keyword term(Term term, Via via) {
    return new Keyword(Kind.TERM, term, via, -1);
  }

  static Keyword cue(int rule) {
    return new Keyword(Kind.CUE, null, null, rule);
  }

  static final Keyword WHITELIST = new Keyword(Kind.WHITELIST, null, null, -1);
  static final Keyword TARGET = new Keyword(Kind.TARGET, null, null, -1);

  /** Guarded matches are checked against word segmentation before they count. */
  boolean guarded() {
    return via == Via.VARIANT || term.has(Term.Tag.AMBIGUOUS);
  }
}
