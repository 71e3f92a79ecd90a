package org.humiao.http.screen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.http.BodyFields;
import org.humiao.pileon.Relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the pile-on fields of a screen request, {@code mentions} and {@code relation}, or throws the 400 naming them. */
final class PileOnFields {
  /** More @-mentions than this in one message is no conversation: the platform sends the first ones. */
  static final int MAX_MENTIONS = 20;

  private PileOnFields() {}

  static List<String> mentions(JsonObject json, String where) {
    Object value = json.getValue("mentions");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_MENTIONS) {
      throw BodyFields.invalid(where + "mentions", "an array of at most " + MAX_MENTIONS + " user ids");
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String name = "mentions[" + i + "]";
      Object item = array.getValue(i);
      if (item == null) {
        throw BodyFields.invalid(where + name, "a user id");
      }
      out.add(BodyFields.id(new JsonObject().put(name, item), name, where));
    }
    return out;
  }

  static Relation relation(JsonObject json, String where) {
    Object value = json.getValue("relation");
    if (value == null) {
      return null;
    }
    return (value instanceof String s ? Relation.byId(s) : Optional.<Relation>empty())
        .orElseThrow(() -> BodyFields.invalid(where + "relation", "one of "
            + Arrays.stream(Relation.values()).map(Relation::id).collect(Collectors.joining(", "))));
  }
}
