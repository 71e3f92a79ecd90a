package org.humiao.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns request bodies into {@link ScreenRequest}s, or the 400 error that names what is wrong. */
final class ScreenRequestReader {
  private static final Scene DEFAULT_SCENE = Scene.CHAT;
  /** Ids are the platform's own opaque names; a bound keeps a body from smuggling text in them. */
  private static final int MAX_ID_LENGTH = 128;

  private ScreenRequestReader() {}

  static JsonObject object(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body is empty; send a JSON object");
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body is not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
    }
    return json;
  }

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
    return new ScreenRequest(s, scene(json, where), id(json, "platform", where), id(json, "authorId", where),
        id(json, "targetId", where));
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

  private static Scene scene(JsonObject json, String where) {
    Object value = json.getValue("scene");
    if (value == null) {
      return DEFAULT_SCENE;
    }
    return (value instanceof String s ? Scene.byId(s) : Optional.<Scene>empty())
        .orElseThrow(() -> new ApiError(ErrorCode.INVALID_FIELD, where + "scene must be one of "
            + Arrays.stream(Scene.values()).map(Scene::id).collect(Collectors.joining(", "))));
  }

  private static String id(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_ID_LENGTH) {
      throw new ApiError(ErrorCode.INVALID_FIELD, where + field + " must be a string of 1 to " + MAX_ID_LENGTH + " characters");
    }
    return s;
  }
}
