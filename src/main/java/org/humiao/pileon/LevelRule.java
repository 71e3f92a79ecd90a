package org.humiao.pileon;

import java.time.Duration;

/**
 * One level of the pile-on policy: at least {@code messages} abusive messages from at least {@code
 * authors} distinct authors within {@code window} aimed at one target raise it to {@code level}.
 */
public record LevelRule(RiskLevel level, int messages, int authors, Duration window) {
  public boolean reachedBy(Tally tally) {
    return tally.messages() >= messages && tally.authors() >= authors;
  }
}
