package org.humiao.moderation.strategy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.screening.Category;
import org.humiao.screening.Scene;
import org.humiao.screening.SceneRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a strategy directory: one {@code ID.json} per strategy and {@code assignments.json}.
 * Format: docs/screening.md, "Strategies". Every file is checked whole (unknown fields are
 * refused, so a misspelt one does not silently fall back to a default) and anything wrong fails
 * the load with the file and the field named.
 */
public final class StrategyLoader {
  public static final String ASSIGNMENTS = "assignments.json";
  /** The severities of lexicons/README.md. */
  private static final int MIN_SEVERITY = 1;
  private static final int MAX_SEVERITY = 4;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Set<String> STRATEGY_FIELDS = Set.of("id", "version", "description", "scenes");
  private static final Set<String> SCENE_FIELDS = Set.of("note", "blockSeverity", "reviewSeverity",
      "categoryBlockSeverity", "off", "modelReview", "semanticReview", "semanticShortReview");
  private static final Set<String> ASSIGNMENT_FIELDS = Set.of("default", "platforms");

  private StrategyLoader() {}

  /** @throws StrategyException naming the file and field of the first problem found */
  public static StrategyBook load(Path dir) {
    Map<String, Strategy> strategies = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")
          && !p.getFileName().toString().equals(ASSIGNMENTS)).sorted().toList()) {
        Strategy strategy = strategy(new Where(f, ""), read(f));
        if (!f.getFileName().toString().equals(strategy.id() + ".json")) {
          throw new StrategyException(f + ": id: " + strategy.id() + " is not the file's name");
        }
        strategies.put(strategy.id(), strategy);
      }
    } catch (IOException e) {
      throw new StrategyException(dir + ": cannot list the strategies: " + e.getMessage());
    }
    Path assignments = dir.resolve(ASSIGNMENTS);
    JsonObject json = read(assignments);
    Where where = new Where(assignments, "");
    where.closed(json, ASSIGNMENT_FIELDS);
    String defaultId = known(where.at("default"), where.string(json, "default"), strategies);
    Map<String, String> platforms = new HashMap<>();
    JsonObject byPlatform = where.object(json, "platforms");
    for (String platform : byPlatform.fieldNames()) {
      Where at = where.at("platforms").at(platform);
      platforms.put(platform, known(at, where.at("platforms").string(byPlatform, platform), strategies));
    }
    return new StrategyBook(strategies, defaultId, platforms);
  }

  private static String known(Where where, String id, Map<String, Strategy> strategies) {
    if (!strategies.containsKey(id)) {
      throw where.fail("no strategy " + id + " (there are " + strategies.keySet().stream().sorted().toList() + ")");
    }
    return id;
  }

  private static Strategy strategy(Where where, JsonObject json) {
    where.closed(json, STRATEGY_FIELDS);
    String id = where.string(json, "id");
    if (!ID.matcher(id).matches()) {
      throw where.at("id").fail(id + " is not an id (lower-case letters, digits, - and _)");
    }
    int version = where.integer(json, "version", 1, Integer.MAX_VALUE);
    String description = where.string(json, "description");
    JsonObject scenes = where.object(json, "scenes");
    Map<Scene, SceneRules> rules = new EnumMap<>(Scene.class);
    for (String name : scenes.fieldNames()) {
      Scene scene = Scene.byId(name).orElseThrow(() -> where.at("scenes").fail(name + " is not a scene ("
          + List.of(Scene.values()).stream().map(Scene::id).toList() + ")"));
      rules.put(scene, rules(where.at("scenes").at(name), where.at("scenes").object(scenes, name)));
    }
    try {
      return new Strategy(id, version, description, rules);
    } catch (IllegalArgumentException e) {
      throw where.at("scenes").fail(e.getMessage() + " (every scene needs its own)");
    }
  }

  private static SceneRules rules(Where where, JsonObject json) {
    where.closed(json, SCENE_FIELDS);
    if (json.containsKey("note")) {
      where.string(json, "note");
    }
    int block = where.integer(json, "blockSeverity", MIN_SEVERITY, MAX_SEVERITY);
    int review = where.integer(json, "reviewSeverity", MIN_SEVERITY, MAX_SEVERITY);
    if (review > block) {
      throw where.at("reviewSeverity").fail(review + " is above blockSeverity " + block);
    }
    SceneRules.Builder b = SceneRules.builder(block, review);
    if (json.containsKey("categoryBlockSeverity")) {
      JsonObject byCategory = where.object(json, "categoryBlockSeverity");
      Where at = where.at("categoryBlockSeverity");
      for (String name : byCategory.fieldNames()) {
        b.blockAt(at.category(name), at.integer(byCategory, name, MIN_SEVERITY, MAX_SEVERITY));
      }
    }
    if (json.containsKey("off")) {
      Object off = json.getValue("off");
      if (!(off instanceof JsonArray list)) {
        throw where.at("off").fail("must be a list of category ids");
      }
      for (Object name : list) {
        b.off(where.at("off").category(String.valueOf(name)));
      }
    }
    if (json.containsKey("modelReview")) {
      b.modelReview(where.threshold(json, "modelReview"));
    }
    if (json.containsKey("semanticReview")) {
      b.semanticReview(where.threshold(json, "semanticReview"));
    }
    if (json.containsKey("semanticShortReview")) {
      b.semanticShortReview(where.threshold(json, "semanticShortReview"));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // the one rule SceneRules keeps itself: what cannot be turned off
      throw where.at("off").fail(e.getMessage());
    }
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StrategyException(file + ": cannot read: " + e.getMessage());
    } catch (DecodeException | ClassCastException e) {
      throw new StrategyException(file + ": not a JSON object: " + e.getMessage());
    }
  }

  /** A place in a file, for messages: the file and the dotted path of the field. */
  private record Where(Path file, String path) {
    Where at(String field) {
      return new Where(file, path.isEmpty() ? field : path + "." + field);
    }

    StrategyException fail(String problem) {
      return new StrategyException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    void closed(JsonObject json, Set<String> fields) {
      for (String name : json.fieldNames()) {
        if (!fields.contains(name)) {
          throw fail("unknown field " + name + " (known: " + fields.stream().sorted().toList() + ")");
        }
      }
    }

    String string(JsonObject json, String field) {
      Object v = json.getValue(field);
      if (!(v instanceof String s) || s.isBlank()) {
        throw at(field).fail(v == null ? "missing" : "must be a non-empty string");
      }
      return s;
    }

    JsonObject object(JsonObject json, String field) {
      Object v = json.getValue(field);
      if (!(v instanceof JsonObject o)) {
        throw at(field).fail(v == null ? "missing" : "must be an object");
      }
      return o;
    }

    int integer(JsonObject json, String field, int min, int max) {
      Object v = json.getValue(field);
      Where at = at(field);
      if (v == null) {
        throw at.fail("missing");
      }
      if (!(v instanceof Integer i) || i < min || i > max) {
        throw at.fail(Json.encode(v) + " is not an integer from " + min + " to " + max);
      }
      return i;
    }

    double threshold(JsonObject json, String field) {
      Object v = json.getValue(field);
      if (!(v instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() <= 1)) {
        throw at(field).fail(Json.encode(v) + " is not a probability above 0 and at most 1");
      }
      return n.doubleValue();
    }

    Category category(String name) {
      try {
        return Category.byId(name);
      } catch (IllegalArgumentException e) {
        throw fail(name + " is not a category (lexicons/README.md lists them)");
      }
    }
  }
}
