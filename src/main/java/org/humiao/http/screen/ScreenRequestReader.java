package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.BodyFields;
import org.humiao.http.ErrorCode;
import org.humiao.screening.Scene;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.regions.RegionTable;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns request bodies into {@link ScreenRequest}s, or the 400 error that names what is wrong. */
final class ScreenRequestReader {
  private static final Scene DEFAULT_SCENE = Scene.CHAT;

  private ScreenRequestReader() {}

  /** @param where names the item in messages: "" for a single request, "items[3]." in a batch */
  static ScreenRequest item(Object value, String where) {
    if (!(value instanceof JsonObject json)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "each item must be an object");
    }
    Object text = json.getValue("text");
    if (text == null) {
      throw new ApiError(ErrorCode.MISSING_FIELD, where + "text is required");
    }
    if (!(text instanceof String s)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, where + "text must be a string");
    }
    return new ScreenRequest(s, scene(json, where), BodyFields.id(json, "platform", where),
        BodyFields.id(json, "authorId", where), BodyFields.id(json, "targetId", where),
        region(json, where), BodyFields.id(json, "dataId", where),
        PileOnFields.mentions(json, where), PileOnFields.relation(json, where));
  }

  static JsonArray items(JsonObject body, int maxItems) {
    Object items = body.getValue("items");
    if (items == null) {
      throw new ApiError(ErrorCode.MISSING_FIELD, "items is required");
    }
    if (!(items instanceof JsonArray array)) {
      throw new ApiError(ErrorCode.INVALID_FIELD, "items must be an array");
    }
    if (array.size() > maxItems) {
      throw new ApiError(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + maxItems + " items, got " + array.size());
    }
    return array;
  }

  private static String region(JsonObject json, String where) {
    String region = BodyFields.id(json, "region", where);
    if (region != null && !RegionTable.shipped().contains(region)) {
      throw new ApiError(ErrorCode.UNKNOWN_REGION, where + "region must be a 6-digit GB/T 2260 division code, e.g. 530502");
    }
    return region;
  }

  private static Scene scene(JsonObject json, String where) {
    Object value = json.getValue("scene");
    if (value == null) {
      return DEFAULT_SCENE;
    }
    return (value instanceof String s ? Scene.byId(s) : Optional.<Scene>empty())
        .orElseThrow(() -> new ApiError(ErrorCode.INVALID_FIELD, where + "scene must be one of "
            + Arrays.stream(Scene.values()).map(Scene::id).collect(Collectors.joining(", "))));
  }
}
