package org.humiao.minor.policy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.minor.time.LocalWindow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code policies/}: one {@code ID.json} per policy, {@code assignments.json} and the
 * holiday files under {@code holidays/}. Format: docs/minor-mode.md, "Policy files". Anything malformed
 * fails the whole load, so a bad edit never half-applies.
 */
public final class PolicyLoader {
  public static final String ASSIGNMENTS = "assignments.json";
  /** Other features' files in the policy directory (pile-on levels), not minor-mode policies. */
  private static final Set<String> NOT_POLICIES = Set.of(ASSIGNMENTS, "pileon.json");

  private PolicyLoader() {}

  public static PolicyBook load(Path dir, Path assignmentsFile) {
    Map<String, MinorPolicy> policies = new HashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json") && !NOT_POLICIES.contains(p.getFileName().toString()))
          .sorted().toList()) {
        MinorPolicy policy = parsePolicy(readJson(f));
        if (!f.getFileName().toString().equals(policy.id() + ".json")) {
          throw new IllegalArgumentException(f + ": file name must be the policy id " + policy.id());
        }
        policies.put(policy.id(), policy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return new PolicyBook(policies, Assignments.parse(readJson(assignmentsFile)),
        HolidayCalendar.load(dir.resolve("holidays")));
  }

  public static MinorPolicy parsePolicy(JsonObject json) {
    JsonObject options = json.getJsonObject("options", new JsonObject());
    List<QuotaBand> quota = new ArrayList<>();
    for (JsonObject b : objects(json.getJsonArray("dailyQuota"))) {
      if (enabled(b, options)) {
        quota.add(new QuotaBand(b.getInteger("minAge"), b.getInteger("maxAge"), b.getLong("seconds"),
            b.getLong("holidaySeconds")));
      }
    }
    List<SpendingBand> spending = new ArrayList<>();
    for (JsonObject b : objects(json.getJsonArray("spending"))) {
      spending.add(new SpendingBand(b.getInteger("minAge"), b.getInteger("maxAge"), b.getLong("perPaymentFen"),
          b.getLong("perMonthFen")));
    }
    JsonObject curfew = json.getJsonObject("curfew");
    JsonObject playDays = json.getJsonObject("playDays");
    JsonObject guests = json.getJsonObject("guests");
    return new MinorPolicy(
        required(json, "id"),
        required(json, "document"),
        required(json, "title"),
        curfew == null ? null : CurfewRule.parse(curfew),
        playDays == null ? null : PlayDays.parse(playDays),
        quota,
        json.getLong("restReminderSeconds"),
        new GuestRule(guests.getBoolean("allowed"), guests.getLong("seconds"), guests.getInteger("periodDays", 0),
            guests.getBoolean("curfew", false), guests.getBoolean("payments", false)),
        spending);
  }

  /** A band naming an {@code option} is in force only when the file's options switch it on. */
  private static boolean enabled(JsonObject band, JsonObject options) {
    String option = band.getString("option");
    if (option == null) {
      return true;
    }
    if (!options.containsKey(option)) {
      throw new IllegalArgumentException("band names undeclared option " + option);
    }
    return options.getBoolean(option);
  }

  static List<LocalWindow> windows(JsonArray array) {
    return objects(array).stream().map(LocalWindow::parse).toList();
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(array.getJsonObject(i));
      }
    }
    return out;
  }

  private static String required(JsonObject json, String field) {
    String value = json.getString(field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("policy without " + field);
    }
    return value;
  }

  static JsonObject readJson(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
