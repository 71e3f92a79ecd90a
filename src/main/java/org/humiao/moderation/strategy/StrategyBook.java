package org.humiao.moderation.strategy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The strategies in force and which platform uses which: one consistent version, swapped whole.
 *
 * @param strategies by id
 * @param defaultId the strategy of a platform {@code platforms} does not name
 * @param platforms strategy id by platform
 */
public record StrategyBook(Map<String, Strategy> strategies, String defaultId, Map<String, String> platforms) {

  public StrategyBook {
    strategies = Map.copyOf(strategies);
    platforms = Map.copyOf(platforms);
    if (!strategies.containsKey(defaultId) || !strategies.keySet().containsAll(platforms.values())) {
      throw new IllegalArgumentException("a platform or the default names no strategy");
    }
  }

  /**
   * This book with {@code choices} (platform → strategy id, made through the API) over its
   * assignments; a choice of a strategy this book does not have is passed to {@code unknown} and left out.
   */
  public StrategyBook choosing(Map<String, String> choices, BiConsumer<String, String> unknown) {
    Map<String, String> merged = new HashMap<>(platforms);
    choices.forEach((platform, id) -> {
      if (strategies.containsKey(id)) {
        merged.put(platform, id);
      } else {
        unknown.accept(platform, id);
      }
    });
    return new StrategyBook(strategies, defaultId, merged);
  }

  /** The platform's strategy; the default one for a platform without a choice. */
  public Strategy forPlatform(String platform) {
    String id = platform == null ? defaultId : platforms.getOrDefault(platform, defaultId);
    return strategies.get(id);
  }
}
