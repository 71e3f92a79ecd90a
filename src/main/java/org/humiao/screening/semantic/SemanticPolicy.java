package org.humiao.screening.semantic;

import org.humiao.screening.text.PolicyProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * When the semantic tier runs and how its score decides, read from the {@code semantic.*} lines of
 * lexicons/policy.properties so thresholds and budgets are data and reload with the lexicon.
 *
 * @param bandLow the tier runs on texts the n-gram model can score only when its probability is at
 *     or above this ...
 * @param bandHigh ... and below this: outside the band the fast verdict is confident enough
 * @param review a stacked probability at or above this sends a scoreable text to review
 * @param shortReview the stricter threshold for texts shorter than the n-gram model's min-length
 * @param aimlessLift what a scoreable text that names no one ({@link #namesSomeone}) needs above the review
 *     threshold (the scene's or {@code review}): tone without an aim is not an attack; 0 changes nothing
 * @param headAgree a text the fast tier lets pass is flagged by the stack only when the heads' own
 *     vote ({@link SemanticModels.Stacked#headVote}) is at or above this; 0 lets the stack flip it alone
 * @param shortMinLength texts shorter than this many normalized characters are not encoded at all
 * @param shortCues a short text is encoded only when it holds one of these characters, that is when
 *     it names someone (a person or a group): a few characters naming no one rarely attack anyone,
 *     and slogans like 警惕网络诈骗 would otherwise be judged on words alone
 * @param budgets the caller's latency budget by scene id; {@link #DEFAULT_SCENE} for any other scene
 */
public record SemanticPolicy(
    double bandLow,
    double bandHigh,
    double review,
    double shortReview,
    double aimlessLift,
    double headAgree,
    int shortMinLength,
    String shortCues,
    Map<String, Duration> budgets) {
  public static final String DEFAULT_SCENE = "default";
  private static final String BUDGET_PREFIX = "semantic.budget-ms.";

  public SemanticPolicy {
    budgets = Map.copyOf(budgets);
    if (!budgets.containsKey(DEFAULT_SCENE)) {
      throw new IllegalArgumentException("policy.properties: missing " + BUDGET_PREFIX + DEFAULT_SCENE);
    }
  }

  /** Whether a normalized text names someone (a person or a group), by {@link #shortCues}. */
  public boolean namesSomeone(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (shortCues.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The budget of a scene (chat, nickname, ...), the default one for a scene without its own line. */
  public Duration budget(String scene) {
    return budgets.getOrDefault(scene, budgets.get(DEFAULT_SCENE));
  }

  public static SemanticPolicy from(Properties p) {
    Map<String, Duration> budgets = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(BUDGET_PREFIX)) {
        budgets.put(name.substring(BUDGET_PREFIX.length()), Duration.ofMillis(Long.parseLong(p.getProperty(name).trim())));
      }
    }
    return new SemanticPolicy(
        PolicyProperties.number(p, "semantic.band-low"),
        PolicyProperties.number(p, "semantic.band-high"),
        PolicyProperties.number(p, "semantic.review"),
        PolicyProperties.number(p, "semantic.short-review"),
        PolicyProperties.number(p, "semantic.aimless-lift"),
        PolicyProperties.number(p, "semantic.head-agree"),
        (int) PolicyProperties.number(p, "semantic.short-min-length"),
        PolicyProperties.text(p, "semantic.short-cues"),
        budgets);
  }
}
