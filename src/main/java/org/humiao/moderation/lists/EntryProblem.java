package org.humiao.moderation.lists;

import io.vertx.core.json.JsonObject;

/**
 * What is wrong with one entry of a request.
 *
 * @param field the request's array the entry is in: entries (PUT), add or remove (PATCH)
 * @param index the entry's index in that array, from 0
 */
public record EntryProblem(String field, int index, String problem) {

  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("index", index).put("problem", problem);
  }

  @Override
  public String toString() {
    return field + "[" + index + "]: " + problem;
  }
}
