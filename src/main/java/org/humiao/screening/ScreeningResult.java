package org.humiao.screening;

import java.util.List;

/**
 * The answer for one text.
 *
 * @param reason a stable code for what decided: none, term, rule, personal_info, model, repost
 * @param modelScore the statistical model's probability that the text is offensive; 0 for texts
 *     too short to be scored (policy model.min-length)
 */
public record ScreeningResult(
    Decision decision,
    String reason,
    List<CategoryScore> categories,
    List<Evidence> evidence,
    String masked,
    double modelScore,
    String lexiconVersion) {

  public ScreeningResult {
    categories = List.copyOf(categories);
    evidence = List.copyOf(evidence);
  }

  public boolean flagged() {
    return decision != Decision.PASS;
  }
}
