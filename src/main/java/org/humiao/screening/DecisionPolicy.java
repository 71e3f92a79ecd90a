package org.humiao.screening;

import org.humiao.screening.segments.SegmentPolicy;
import org.humiao.screening.text.PolicyProperties;

import java.util.Map;
import java.util.Properties;

/**
 * How scores become a decision; read from lexicons/policy.properties so thresholds are data.
 *
 * @param blockSeverity a finding at this severity or above blocks
 * @param reviewSeverity a finding at this severity or above (and below block) sends to review
 * @param modelReview a model probability at or above this sends to review
 * @param modelBoost added to the model probability when a mild (severity 1) term is present
 * @param modelMinLength shorter normalized texts are left to the lexicon: the model learned from
 *     comments, and on a few characters of game chat (杀疯了, 抢沙发) its probability means little
 * @param personalInfoSeverity severity of each kind of personal information found
 * @param repostMinSimilarity estimated bigram Jaccard similarity from which a text is a repost
 * @param repostMinLength shorter normalized texts are not fingerprinted (too many collisions)
 * @param segments how long texts are cut so the model scores their clauses, not only the whole
 */
public record DecisionPolicy(
    int blockSeverity,
    int reviewSeverity,
    double modelReview,
    double modelBoost,
    int modelMinLength,
    Map<String, Integer> personalInfoSeverity,
    double repostMinSimilarity,
    int repostMinLength,
    SegmentPolicy segments) {

  public DecisionPolicy {
    personalInfoSeverity = Map.copyOf(personalInfoSeverity);
  }

  /** The lexicon's own rules, for a call without a strategy's: its two severities, every category on, no overrides. */
  public SceneRules rules() {
    return SceneRules.builder(blockSeverity, reviewSeverity).build();
  }

  static DecisionPolicy from(Properties p) {
    Map<String, Integer> pii = new java.util.HashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith("pii.") && name.endsWith(".severity")) {
        pii.put(name.substring(4, name.length() - ".severity".length()), PolicyProperties.integer(p, name));
      }
    }
    return new DecisionPolicy(
        PolicyProperties.integer(p, "block.severity"),
        PolicyProperties.integer(p, "review.severity"),
        PolicyProperties.number(p, "model.review"),
        PolicyProperties.number(p, "model.boost"),
        PolicyProperties.integer(p, "model.min-length"),
        pii,
        PolicyProperties.number(p, "repost.min-similarity"),
        PolicyProperties.integer(p, "repost.min-length"),
        SegmentPolicy.from(p));
  }
}
