package org.humiao.screening;

import org.humiao.screening.semantic.SemanticPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one call may be screened: the scene the text was typed in (which picks the semantic tier's
 * latency budget from policy.properties) or an explicit budget that overrides the scene's, and the
 * decision rules of the scene in the caller's strategy (empty: the lexicon's policy.properties), and
 * the calling platform's own lists, matched on top of the shared lexicon.
 */
public record ScreenOptions(String scene, Optional<Duration> budget, Optional<SceneRules> rules,
                            Optional<LexiconOverlay> overlay) {
  /** The default scene's budget. */
  public static final ScreenOptions DEFAULT = new ScreenOptions(SemanticPolicy.DEFAULT_SCENE, Optional.empty(),
      Optional.empty(), Optional.empty());

  public ScreenOptions {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(overlay, "overlay");
  }

  /** The budget policy.properties gives this scene id (chat, nickname, ...). */
  public static ScreenOptions scene(String scene) {
    return new ScreenOptions(scene, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This scene, with an explicit budget for the semantic tier (zero: fast tier only). */
  public ScreenOptions withBudget(Duration budget) {
    return new ScreenOptions(scene, Optional.of(budget), rules, overlay);
  }

  /** These options, deciding by a strategy's rules for the scene. */
  public ScreenOptions withRules(SceneRules rules) {
    return new ScreenOptions(scene, budget, Optional.of(rules), overlay);
  }

  /** These options, with a platform's own lists matched too. */
  public ScreenOptions withOverlay(LexiconOverlay lists) {
    return new ScreenOptions(scene, budget, rules, Optional.of(lists));
  }
}
