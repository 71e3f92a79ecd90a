package org.humiao.screening;

import org.humiao.screening.semantic.SemanticPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call may be screened: the scene the text was typed in (which picks the semantic tier's
 * latency budget from policy.properties) or an explicit budget that overrides the scene's, and the
 * calling platform's own lists, matched on top of the shared lexicon.
 */
public record ScreenOptions(String scene, Optional<Duration> budget, Optional<LexiconOverlay> overlay) {
  /** The default scene's budget. */
  public static final ScreenOptions DEFAULT = new ScreenOptions(SemanticPolicy.DEFAULT_SCENE, Optional.empty());

  public ScreenOptions {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(overlay, "overlay");
  }

  /** No platform lists. */
  public ScreenOptions(String scene, Optional<Duration> budget) {
    this(scene, budget, Optional.empty());
  }

  /** The budget policy.properties gives this scene id (chat, nickname, ...). */
  public static ScreenOptions scene(String scene) {
    return new ScreenOptions(scene, Optional.empty());
  }

  /** This scene, with an explicit budget for the semantic tier (zero: fast tier only). */
  public ScreenOptions withBudget(Duration budget) {
    return new ScreenOptions(scene, Optional.of(budget), overlay);
  }

  /** These options, with a platform's own lists matched too. */
  public ScreenOptions withOverlay(LexiconOverlay lists) {
    return new ScreenOptions(scene, budget, Optional.of(lists));
  }
}
