package org.humiao.screening;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern over normalized text that catches what single terms miss (threats aimed at a person,
 * exclusion, "250" used as an insult). The regex runs only when one of its cues, literals it
 * needs, was seen by the automaton, so rules cost nothing on lines that cannot match.
 */
public record ContextRule(String id, Category category, int severity, List<String> cues, Pattern pattern) {
  public ContextRule {
    cues = List.copyOf(cues);
  }
}
