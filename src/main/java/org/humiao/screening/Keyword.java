package org.humiao.screening;

/** What a string in the automaton stands for. Exactly one of term or rule is set for TERM and CUE. */
record Keyword(Kind kind, Term term, Via via, ContextRule rule) {
  enum Kind { TERM, WHITELIST, TARGET, CUE }

  enum Via {
    EXACT, VARIANT, ABBREVIATION;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Keyword term(Term term, Via via) {
    return new Keyword(Kind.TERM, term, via, null);
  }

  static Keyword cue(ContextRule rule) {
    return new Keyword(Kind.CUE, null, null, rule);
  }

  static final Keyword WHITELIST = new Keyword(Kind.WHITELIST, null, null, null);
  static final Keyword TARGET = new Keyword(Kind.TARGET, null, null, null);

  /** Guarded matches are checked against word segmentation before they count. */
  boolean guarded() {
    return via == Via.VARIANT || term.has(Term.Tag.AMBIGUOUS);
  }
}
