package org.humiao.screening;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How findings become a decision in one scene: the severities that block and review, stricter
 * block severities for some categories, categories not screened for, and overrides of the model
 * thresholds of policy.properties (empty: the lexicon's threshold applies). A strategy gives one
 * per scene; without one the engine uses {@link DecisionPolicy#rules()}.
 *
 * @param blockSeverity a finding at this severity or above blocks
 * @param reviewSeverity a finding at this severity or above (and below its block severity) goes to review
 * @param categoryBlockSeverity a block severity for a category that differs from {@code blockSeverity}
 * @param off categories whose findings are dropped; {@link Category#TOXICITY} off also silences the model and the semantic tier
 * @param modelReview the n-gram model's review threshold, overriding {@code model.review}
 * @param semanticReview the stacked probability's review threshold, overriding {@code semantic.review}
 * @param semanticShortReview the same for short texts, overriding {@code semantic.short-review}
 */
public record SceneRules(
    int blockSeverity,
    int reviewSeverity,
    Map<Category, Integer> categoryBlockSeverity,
    Set<Category> off,
    OptionalDouble modelReview,
    OptionalDouble semanticReview,
    OptionalDouble semanticShortReview) {

  public SceneRules {
    categoryBlockSeverity = Map.copyOf(categoryBlockSeverity);
    off = Set.copyOf(off);
    Objects.requireNonNull(modelReview, "modelReview");
    Objects.requireNonNull(semanticReview, "semanticReview");
    Objects.requireNonNull(semanticShortReview, "semanticShortReview");
    if (off.contains(Category.UNSCREENED)) {
      throw new IllegalArgumentException("unscreened cannot be off: a text the engine failed on never passes");
    }
  }

  /** The decision one finding calls for. */
  public Decision decide(Category category, int severity) {
    if (severity >= categoryBlockSeverity.getOrDefault(category, blockSeverity)) {
      return Decision.BLOCK;
    }
    return severity >= reviewSeverity ? Decision.REVIEW : Decision.PASS;
  }

  /** Whether findings of this category count. */
  public boolean screens(Category category) {
    return !off.contains(category);
  }

  public static Builder builder(int blockSeverity, int reviewSeverity) {
    return new Builder(blockSeverity, reviewSeverity);
  }

  /** Builds rules from the two severities; everything else is optional. */
  public static final class Builder {
    private final int blockSeverity;
    private final int reviewSeverity;
    private final Map<Category, Integer> categoryBlockSeverity = new EnumMap<>(Category.class);
    private final Set<Category> off = EnumSet.noneOf(Category.class);
    private OptionalDouble modelReview = OptionalDouble.empty();
    private OptionalDouble semanticReview = OptionalDouble.empty();
    private OptionalDouble semanticShortReview = OptionalDouble.empty();

    private Builder(int blockSeverity, int reviewSeverity) {
      this.blockSeverity = blockSeverity;
      this.reviewSeverity = reviewSeverity;
    }

    public Builder blockAt(Category category, int severity) {
      categoryBlockSeverity.put(category, severity);
      return this;
    }

    public Builder off(Category category) {
      off.add(category);
      return this;
    }

    public Builder modelReview(double threshold) {
      modelReview = OptionalDouble.of(threshold);
      return this;
    }

    public Builder semanticReview(double threshold) {
      semanticReview = OptionalDouble.of(threshold);
      return this;
    }

    public Builder semanticShortReview(double threshold) {
      semanticShortReview = OptionalDouble.of(threshold);
      return this;
    }

    public SceneRules build() {
      return new SceneRules(blockSeverity, reviewSeverity, categoryBlockSeverity, off, modelReview, semanticReview,
          semanticShortReview);
    }
  }
}
