package org.humiao.screening;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A context that changes what a harm word means (news, a legal question, prevention, asking for
 * help, counter-speech): where its regex matches, evidence of its categories from a {@code topic}
 * term anywhere in the text, or any evidence inside the match, is lowered to {@code severity}
 * (0 drops it); {@link Category#TOXICITY} among the categories keeps the model from flagging.
 * Like a {@link ContextRule} it runs only when the automaton saw one of its cues.
 */
public record Mitigation(String id, Set<Category> categories, int severity, List<String> cues, Pattern pattern) {
  public Mitigation {
    categories = Set.copyOf(categories);
    cues = List.copyOf(cues);
  }
}
