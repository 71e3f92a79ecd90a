package org.humiao.http.screen;

import org.humiao.moderation.lists.PlatformLists;
import org.humiao.moderation.review.ReviewQueue;
import org.humiao.moderation.strategy.Strategies;
import org.humiao.pileon.PileOnTracker;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform's own moderation adds to screening its texts: the strategy that decides per
 * scene, its own block and allow lists, the review queue a held text enters, and pile-on tracking
 * of texts aimed at someone.
 *
 * @param pileOn empty: tracking is off
 */
public record Moderation(Strategies strategies, PlatformLists lists, ReviewQueue reviews,
                         Optional<PileOnTracker> pileOn) {
  public Moderation {
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(reviews, "reviews");
    Objects.requireNonNull(pileOn, "pileOn");
  }
}
