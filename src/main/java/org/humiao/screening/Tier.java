package org.humiao.screening;

import java.util.Locale;

/** A stage of the screening cascade: the fast tier (lexicon, rules, n-gram model) always runs, the semantic tier when admitted. */
public enum Tier {
  FAST, SEMANTIC;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
