package org.humiao.pileon;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pile-on levels and what follows from them, as {@code policies/pileon.json} states them (see
 * docs/pileon.md): the levels for adults and the stricter ones for minors, the model score above
 * which a passed text still counts as abuse, protection's stricter score, automatic protection of
 * minors in a surge, and how much evidence is kept for how long.
 *
 * @param abuseScore a text the model or the semantic tier scores at least this counts as abuse even if it passed
 * @param protectedScore aimed at a protected target, a passed text scoring at least this is blocked
 * @param autoProtect for a minor reaching {@link RiskLevel#SURGE}: the protection switched on; empty: none
 * @param hitsPerTarget the most abusive messages a target's window remembers (the newest), which bounds its memory
 */
public record PileOnPolicy(List<LevelRule> adult, List<LevelRule> minor, double abuseScore, double protectedScore,
                           Optional<AutoProtect> autoProtect, Duration evidenceRetention, int evidencePerTarget,
                           int hitsPerTarget) {
  public static final String FILE = "pileon.json";

  /** The protection the policy switches on by itself, and for how long. */
  public record AutoProtect(ProtectionScope scope, Duration duration) {}

  public PileOnPolicy {
    adult = sorted(adult, "levels");
    minor = sorted(minor, "minorLevels");
  }

  /** The levels for a target: a minor's are stricter. */
  public List<LevelRule> levels(boolean targetIsMinor) {
    return targetIsMinor ? minor : adult;
  }

  /** The longest window of any level: how long a target's abusive messages must be remembered. */
  public Duration longestWindow() {
    return Stream.concat(adult.stream(), minor.stream()).map(LevelRule::window)
        .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
  }

  /** The windows the levels use, longest first, each once: what a store tallies per message. */
  public List<Duration> windows() {
    return Stream.concat(adult.stream(), minor.stream()).map(LevelRule::window).distinct()
        .sorted(Comparator.reverseOrder()).toList();
  }

  /** {@code dir/pileon.json}, or empty when the directory has none: tracking is then off. */
  public static Optional<PileOnPolicy> load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(new JsonObject(Files.readString(file, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not a valid pile-on policy: " + e.getMessage(), e);
    }
  }

  public static PileOnPolicy parse(JsonObject json) {
    JsonObject auto = json.getJsonObject("autoProtectMinors");
    return new PileOnPolicy(rules(json.getJsonArray("levels")), rules(json.getJsonArray("minorLevels")),
        fraction(json, "abuseScore"), fraction(json, "protectedScore"),
        Optional.ofNullable(auto).map(a -> new AutoProtect(
            ProtectionScope.byId(a.getString("scope")).orElseThrow(() -> new IllegalArgumentException(
                "autoProtectMinors.scope must be strangers or everyone")),
            Duration.ofHours(positive(a, "hours")))),
        Duration.ofDays(positive(json, "evidenceDays")), (int) positive(json, "evidencePerTarget"),
        (int) positive(json, "hitsPerTarget"));
  }

  private static List<LevelRule> rules(JsonArray array) {
    List<LevelRule> rules = new ArrayList<>();
    for (Object item : array) {
      JsonObject rule = (JsonObject) item;
      RiskLevel level = RiskLevel.byId(rule.getString("level")).filter(l -> l != RiskLevel.NONE)
          .orElseThrow(() -> new IllegalArgumentException("a level must be watch or surge"));
      rules.add(new LevelRule(level, (int) positive(rule, "messages"), (int) positive(rule, "authors"),
          Duration.ofMinutes(positive(rule, "windowMinutes"))));
    }
    return rules;
  }

  /** Each level at most once, lowest first, so the last one reached is the highest. */
  private static List<LevelRule> sorted(List<LevelRule> rules, String field) {
    List<LevelRule> out = rules.stream().sorted(Comparator.comparing(LevelRule::level)).toList();
    if (out.stream().map(LevelRule::level).distinct().count() != out.size()) {
      throw new IllegalArgumentException(field + " names a level twice");
    }
    return out;
  }

  private static long positive(JsonObject json, String field) {
    Long value = json.getLong(field);
    if (value == null || value <= 0) {
      throw new IllegalArgumentException(field + " must be a positive whole number");
    }
    return value;
  }

  private static double fraction(JsonObject json, String field) {
    Double value = json.getDouble(field);
    if (value == null || value <= 0 || value > 1) {
      throw new IllegalArgumentException(field + " must be a number in (0, 1]");
    }
    return value;
  }
}
