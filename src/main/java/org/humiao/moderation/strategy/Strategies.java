package org.humiao.moderation.strategy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The strategies in force, read from a directory; a reload swaps a new {@link StrategyBook} in
 * atomically, so a call decides by one version, and a directory that fails to load changes nothing.
 */
public final class Strategies {
  private final Path dir;
  private final AtomicReference<StrategyBook> current = new AtomicReference<>();

  /** @throws StrategyException when the directory is not a valid set of strategies */
  public Strategies(Path dir) {
    this.dir = dir;
    current.set(StrategyLoader.load(dir));
  }

  public StrategyBook current() {
    return current.get();
  }

  /**
   * Loads the strategies, then runs another reload (the minor-mode policies of the same directory),
   * and swaps the strategies in only if both succeeded: one admin call never half-applies.
   *
   * @throws StrategyException when the directory is invalid; the strategies in force stay
   */
  public <T> T reloadAlong(Supplier<T> other) {
    StrategyBook next = StrategyLoader.load(dir);
    T result = other.get();
    current.set(next);
    return result;
  }
}
