package org.humiao.screening;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON shape of a screening answer, shared by the command line and the HTTP API. */
public final class ScreeningJson {
  private ScreeningJson() {}

  public static JsonObject of(ScreeningResult result) {
    JsonArray categories = new JsonArray();
    for (CategoryScore c : result.categories()) {
      categories.add(new JsonObject()
          .put("category", c.category().id())
          .put("severity", c.severity())
          .put("score", round(c.score())));
    }
    JsonArray evidence = new JsonArray();
    for (Evidence e : result.evidence()) {
      evidence.add(new JsonObject()
          .put("term", e.term())
          .put("category", e.category().id())
          .put("severity", e.severity())
          .put("start", e.start())
          .put("end", e.end())
          .put("source", e.source()));
    }
    JsonArray tiers = new JsonArray();
    result.tiers().forEach(t -> tiers.add(t.id()));
    JsonObject json = new JsonObject()
        .put("decision", result.decision().id())
        .put("reason", result.reason().id())
        .put("categories", categories)
        .put("evidence", evidence)
        .put("masked", result.masked())
        .put("modelScore", round(result.modelScore()))
        .put("tiers", tiers);
    result.semanticScore().ifPresent(score -> json.put("semanticScore", round(score)));
    return json;
  }

  public static JsonObject error(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }
}
