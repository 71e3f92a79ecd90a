package org.humiao.screening;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The answer for one text.
 *
 * @param reason what decided
 * @param modelScore the statistical model's probability that the text is offensive; 0 for texts
 *     too short to be scored (policy model.min-length)
 * @param tiers the cascade's tiers that ran, fast first
 * @param semanticScore the stacked probability of the semantic tier, present only when it ran
 */
public record ScreeningResult(
    Decision decision,
    Reason reason,
    List<CategoryScore> categories,
    List<Evidence> evidence,
    String masked,
    double modelScore,
    String lexiconVersion,
    List<Tier> tiers,
    OptionalDouble semanticScore) {

  public ScreeningResult {
    categories = List.copyOf(categories);
    evidence = List.copyOf(evidence);
    tiers = List.copyOf(tiers);
  }

  /** The answer for a text the engine failed on: held for review, with nothing found and nothing masked. */
  public static ScreeningResult failedClosed(String text, String lexiconVersion) {
    return new ScreeningResult(Decision.REVIEW, Reason.ENGINE_ERROR, List.of(), List.of(), text, 0, lexiconVersion,
        List.of(Tier.FAST), OptionalDouble.empty());
  }

  public boolean flagged() {
    return decision != Decision.PASS;
  }
}
