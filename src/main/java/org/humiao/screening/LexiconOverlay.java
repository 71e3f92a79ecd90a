package org.humiao.screening;

/**
 * A platform's own block terms and allow phrases compiled into an automaton of their own, matched
 * in the same pass as the shared lexicon; built by {@link ScreeningEngine#overlay}. Immutable.
 */
public final class LexiconOverlay {
  private final String lexiconVersion;
  private final KeywordAutomaton automaton;

  LexiconOverlay(String lexiconVersion, KeywordAutomaton automaton) {
    this.lexiconVersion = lexiconVersion;
    this.automaton = automaton;
  }

  /** The shared lexicon version whose normalizer and homophones it was compiled with. */
  public String lexiconVersion() {
    return lexiconVersion;
  }

  KeywordAutomaton automaton() {
    return automaton;
  }
}
