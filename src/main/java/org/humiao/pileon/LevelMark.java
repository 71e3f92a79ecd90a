package org.humiao.pileon;

/**
 * The level a target is at: reached at {@code since} (epoch millis), held until {@code until} unless
 * abuse goes on; after that the target is back at {@link RiskLevel#NONE}.
 */
public record LevelMark(RiskLevel level, long since, long until) {
  public static final LevelMark NONE = new LevelMark(RiskLevel.NONE, 0, 0);

  public boolean activeAt(long now) {
    return level != RiskLevel.NONE && now < until;
  }
}
