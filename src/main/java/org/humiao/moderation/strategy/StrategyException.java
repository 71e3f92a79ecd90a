package org.humiao.moderation.strategy;

/** A strategy directory that cannot be loaded; the message names the file and the field. */
public final class StrategyException extends RuntimeException {
  public StrategyException(String message) {
    super(message);
  }
}
