package org.humiao.http.screen;

import org.humiao.moderation.review.ReviewQueue;
import org.humiao.moderation.strategy.Strategies;
import org.humiao.pileon.PileOnTracker;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform's own moderation adds to screening its texts: the strategy that decides per
 * scene, the review queue a held text enters, and pile-on tracking of texts aimed at someone.
 *
 * @param pileOn empty: tracking is off
 */
public record Moderation(Strategies strategies, ReviewQueue reviews, Optional<PileOnTracker> pileOn) {
  public Moderation {
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(reviews, "reviews");
    Objects.requireNonNull(pileOn, "pileOn");
  }
}
