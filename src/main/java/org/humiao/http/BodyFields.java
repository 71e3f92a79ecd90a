package org.humiao.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a JSON body and its fields, or throws the 400 error that names the field and what is wrong with it. */
public final class BodyFields {
  /** Ids are the platform's own opaque names; a bound keeps a body from smuggling text in them. */
  private static final int MAX_ID_LENGTH = 128;

  private BodyFields() {}

  public static JsonObject object(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body is empty; send a JSON object");
    }
    Object value;
    try {
      value = StrictJson.decode(body);
    } catch (DecodeException e) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body is not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw new ApiError(ErrorCode.MALFORMED_JSON, "the body must be a JSON object");
    }
    return json;
  }

  /**
   * An optional id: null when absent.
   *
   * @param where names the item in messages: "" for a single request, "items[3]." in a batch
   */
  public static String id(JsonObject json, String field, String where) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_ID_LENGTH || !printable(s)) {
      throw invalid(where + field, "a string of 1 to " + MAX_ID_LENGTH + " characters, without control characters");
    }
    return s;
  }

  /**
   * No control characters (they forge log lines and events) and no unpaired surrogates: UTF-8 has
   * no form of them, so two ids differing only there would become one key in a store that encodes.
   */
  private static boolean printable(String s) {
    return s.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
  }

  public static String requiredId(JsonObject json, String field) {
    return required(field, id(json, field, ""));
  }

  /** An optional whole number: null when absent. */
  public static Long number(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != n.longValue()) {
      throw invalid(field, "a whole number");
    }
    return n.longValue();
  }

  public static long requiredNumber(JsonObject json, String field) {
    return required(field, number(json, field));
  }

  public static boolean flag(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw invalid(field, "true or false");
    }
    return Boolean.TRUE.equals(value);
  }

  /** A time as epoch seconds or as an ISO date-time with offset, as the simulate steps take it; null when absent. */
  public static Long epochSecond(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toEpochSecond();
      } catch (DateTimeParseException e) {
        throw invalid(field, "epoch seconds or an ISO date-time with offset");
      }
    }
    return number(json, field);
  }

  /** The constant of {@code type} whose id is {@code value}. */
  public static <E extends Enum<E>> E oneOf(Class<E> type, String field, Object value, Function<E, String> id) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> id.apply(e).equals(value)).findFirst()
        .orElseThrow(() -> invalid(field, "one of "
            + Arrays.stream(type.getEnumConstants()).map(id).collect(Collectors.joining(", "))));
  }

  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new ApiError(ErrorCode.MISSING_FIELD, field + " is required");
    }
    return value;
  }

  public static ApiError invalid(String field, String expected) {
    return new ApiError(ErrorCode.INVALID_FIELD, field + " must be " + expected);
  }
}
