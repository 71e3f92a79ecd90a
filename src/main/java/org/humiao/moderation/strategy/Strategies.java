package org.humiao.moderation.strategy;

import org.humiao.minor.store.StateUnavailableException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The strategies in force, read from a directory, and the platforms' choices made through the API
 * (kept in a {@link StrategyChoiceStore}), which override the directory's {@code assignments.json}.
 * A reload or a choice swaps a new {@link StrategyBook} in atomically, so a call decides by one
 * version, and a directory that fails to load changes nothing.
 */
public final class Strategies implements Closeable {
  private static final System.Logger LOG = System.getLogger(Strategies.class.getName());

  private final Path dir;
  private final StrategyChoiceStore choices;
  /** The directory as last loaded, before the choices. */
  private StrategyBook files;
  /** The choices as last read from the store. */
  private Map<String, String> chosen = Map.of();
  private volatile StrategyBook current;

  /**
   * Loads the directory and reads the choices from {@code choices}, which it owns (and closes). A
   * store that does not answer now (Redis still connecting) does not stop the start: {@link #refresh} reads it.
   *
   * @throws StrategyException when the directory is not a valid set of strategies
   */
  public Strategies(Path dir, StrategyChoiceStore choices) {
    this.dir = dir;
    this.choices = choices;
    this.files = StrategyLoader.load(dir);
    try {
      chosen = choices.read();
    } catch (StateUnavailableException e) {
      LOG.log(System.Logger.Level.WARNING, "chosen strategies not read at start, read again each second: " + e.getMessage());
    }
    publish();
  }

  public StrategyBook current() {
    return current;
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
    synchronized (this) {
      files = next;
      publish();
    }
    return result;
  }

  /**
   * Chooses the strategy {@code strategyId} for {@code platform}, durably, in force on this
   * instance at once and on the others at their next {@link #refresh}.
   *
   * @return the strategy; empty, choosing nothing, when no strategy has that id
   * @throws StateUnavailableException when Redis does not answer (cluster)
   * @throws org.humiao.durable.StorageFullException when the data dir is full (embedded)
   */
  public Optional<Strategy> choose(String platform, String strategyId) {
    synchronized (this) {
      if (!files.strategies().containsKey(strategyId)) {
        return Optional.empty();
      }
    }
    choices.write(platform, strategyId);
    synchronized (this) {
      chosen = with(chosen, platform, strategyId);
      publish();
      return Optional.of(current.forPlatform(platform));
    }
  }

  /** Reads the choices again (other instances' choices, cluster profile); blocks on the store. */
  public void refresh() {
    Map<String, String> read = choices.read();
    synchronized (this) {
      if (!read.equals(chosen)) {
        chosen = read;
        publish();
      }
    }
  }

  private static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new HashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

  private synchronized void publish() {
    current = files.choosing(chosen, (platform, id) -> LOG.log(System.Logger.Level.WARNING, "platform " + platform
        + " chose strategy " + id + ", which the strategy directory no longer has: it keeps its assignment"));
  }

  @Override
  public void close() throws IOException {
    choices.close();
  }
}
