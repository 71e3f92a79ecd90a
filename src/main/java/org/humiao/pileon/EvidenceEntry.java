package org.humiao.pileon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One abusive message aimed at a target, as evidence keeps it: never the raw text nor the author's
 * id, only the masked text and the author's pseudonym (the one violation events carry).
 *
 * @param at epoch millis
 * @param dataId the platform's id of the message; may be null
 * @param author the pseudonym of the author; null when the request named none
 */
public record EvidenceEntry(long at, String dataId, String author, String masked, String decision,
                            List<String> categories) {
  public EvidenceEntry {
    categories = List.copyOf(categories);
  }

  public JsonObject toJson() {
    return new JsonObject().put("at", at).put("dataId", dataId).put("author", author).put("masked", masked)
        .put("decision", decision).put("categories", new JsonArray(categories));
  }

  public static EvidenceEntry fromJson(JsonObject json) {
    return new EvidenceEntry(json.getLong("at"), json.getString("dataId"), json.getString("author"),
        json.getString("masked"), json.getString("decision"),
        json.getJsonArray("categories").stream().map(String::valueOf).toList());
  }
}
