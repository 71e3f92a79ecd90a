package org.humiao.pileon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target as its platform sees it: its level and since when, the abusive messages and authors in
 * each window of the levels, its protection, and the protections to suggest to it.
 */
public record TargetStatus(String target, boolean minor, LevelMark mark, Map<Duration, Tally> counts,
                           Optional<Protection> protection, List<Suggestion> suggestions) {

  public JsonObject toJson() {
    JsonArray windows = new JsonArray();
    counts.forEach((window, tally) -> windows.add(new JsonObject().put("windowMinutes", window.toMinutes())
        .put("messages", tally.messages()).put("authors", tally.authors())));
    JsonObject json = new JsonObject()
        .put("target", target)
        .put("minor", minor)
        .put("level", mark.level().id())
        .put("counts", windows)
        .put("protected", protection.isPresent())
        .put("suggestions", new JsonArray(suggestions.stream().map(Suggestion::id).toList()));
    if (mark.level() != RiskLevel.NONE) {
      json.put("since", Instant.ofEpochMilli(mark.since()).toString());
    }
    protection.ifPresent(p -> json.put("protection", new JsonObject().put("scope", p.scope().id())
        .put("since", Instant.ofEpochMilli(p.since()).toString()).put("until", Instant.ofEpochMilli(p.until()).toString())
        .put("automatic", p.automatic())));
    return json;
  }
}
