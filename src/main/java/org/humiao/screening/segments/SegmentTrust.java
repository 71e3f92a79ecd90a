package org.humiao.screening.segments;

import org.humiao.screening.text.PolicyProperties;

import java.util.Properties;

/**
 * How far a long text's best segment is trusted over the whole text, read from the {@code segments.*}
 * lines of lexicons/policy.properties; chosen on the tune half of the synthetic long posts so that
 * innocent posts are not flagged more than when scored whole (docs/screening-quality.md, "Session 11").
 *
 * @param minBest a segment raises its text only when the model gives it at least this probability
 *     on its own: an innocent post of several comments holds several chances of one the model half
 *     suspects, so a middling segment is noise, not evidence
 * @param weight the share of the best segment's log-odds in the text's (the rest is the whole
 *     text's): 0 is the whole text alone, 1 the best segment alone
 * @param reviewLift added to the model's review threshold for a text scored by segments: the best of
 *     many segments is scored higher than one text of the same kind, by chance alone
 * @param encoded how many of a long text's best segments the semantic tier encodes besides the
 *     whole text (whose first tokens are all the encoder reads); the others keep their n-gram score
 */
public record SegmentTrust(double minBest, double weight, double reviewLift, int encoded) {
  public SegmentTrust {
    if (!(minBest >= 0 && minBest <= 1) || !(weight >= 0 && weight <= 1) || !(reviewLift >= 0 && reviewLift < 1)
        || encoded < 0) {
      throw new IllegalArgumentException("segments.min-best and segments.weight must be in [0, 1], segments.review-lift"
          + " in [0, 1), segments.semantic-max at least 0: " + minBest + ", " + weight + ", " + reviewLift + ", " + encoded);
    }
  }

  /**
   * The text's probability given its whole text's and its best segment's: the whole text's when the
   * segment is below {@link #minBest} or no higher, else the two log-odds weighted by {@link #weight}.
   */
  public double raise(double whole, double best) {
    if (!raises(whole, best)) {
      return whole;
    }
    return sigmoid(logit(whole) + weight * (logit(best) - logit(whole)));
  }

  /** Whether a segment of probability {@code best} raises a text of probability {@code whole}. */
  public boolean raises(double whole, double best) {
    return best >= minBest && best > whole;
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6); // a model's 0 or 1 stays finite
    return Math.log(q / (1 - q));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static SegmentTrust from(Properties p) {
    return new SegmentTrust(
        PolicyProperties.number(p, "segments.min-best"),
        PolicyProperties.number(p, "segments.weight"),
        PolicyProperties.number(p, "segments.review-lift"),
        PolicyProperties.integer(p, "segments.semantic-max"));
  }
}
