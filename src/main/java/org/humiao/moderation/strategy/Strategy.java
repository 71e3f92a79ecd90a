package org.humiao.moderation.strategy;

import org.humiao.screening.Scene;
import org.humiao.screening.SceneRules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned set of decision rules, one per scene, read from {@code policies/strategies/ID.json}.
 *
 * @param version raised by whoever edits the file; answers name it, so a change can be traced
 * @param scenes the rules of every scene
 */
public record Strategy(String id, int version, String description, Map<Scene, SceneRules> scenes) {

  public Strategy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    scenes = new EnumMap<>(scenes);
    for (Scene scene : Scene.values()) {
      if (!scenes.containsKey(scene)) {
        throw new IllegalArgumentException("strategy " + id + " has no rules for " + scene.id());
      }
    }
    scenes = Map.copyOf(scenes);
  }

  public SceneRules rules(Scene scene) {
    return scenes.get(scene);
  }
}
