package org.humiao.server;

import org.humiao.http.ErrorCode;
import org.humiao.http.RequestIds;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.humiao.identity.ResidentIdNumber;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON endpoints as a fuzzer sees them: a valid body each and the type of every field, and
 * the check every answer to an abusive request must pass.
 */
final class Abuse {
  static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::id).collect(Collectors.toSet());

  /** What a field must be; each type knows JSON values that are not one. */
  enum Type {
    TEXT("1", "[]", "{}", "true", "\"\\u0000\"", "\"a\\ud800\"", "\"\\udc00b\""),
    ID("1", "[]", "{}", "true", "\"\"", '"' + "x".repeat(129) + '"', "\"a\\u0000\"", "\"\\u001b[2J\"",
        "\"a\\ud800\"", "\"\\udfff\"", '"' + "\\u200b".repeat(200) + '"'),
    /** An id's wrong values, and ids that are no GB/T 2260 division of the table. */
    REGION("1", "[]", "{}", "true", "\"\"", "\"a\\u0000\"", "\"+110105\"", "\"000000\"", "\"530599\"", "\"5305020\""),
    STRING("1", "[]", "{}", "true", "1e400"),
    NUMBER("\"100\"", "[]", "{}", "true", "1e400", "-1e400", "1.5", "-1", "123456789012345678901234567890",
        "9223372036854775808", "-9223372036854775809"),
    FLAG("\"true\"", "1", "0", "[]", "{}"),
    TIME("\"100\"", "\"yesterday\"", "[]", "{}", "true", "1e400", "1.5", "123456789012345678901234567890"),
    DATE("\"2010-13-01\"", "\"x\"", "1", "[]", "{}"),
    ENUM("1", "\"CASINO\"", "\"\"", "[]", "{}", "true", "\"\\u0000\""),
    WINDOWS("\"x\"", "{}", "[1]", "[{}]", "[null]", "[{\"from\":\"25:00\",\"to\":\"26:00\"}]", "true",
        // one more window than a guardian may set
        "[" + String.join(",", java.util.Collections.nCopies(9, "{\"from\":\"08:00\",\"to\":\"09:00\"}")) + "]"),
    ITEMS("\"x\"", "{}", "1", "true");

    final List<String> wrong;

    Type(String... wrong) {
      this.wrong = List.of(wrong);
    }
  }

  record Field(String name, Type type, boolean required) {}

  /** A POST route of platform keys, a body it accepts and its fields. */
  record Endpoint(String path, JsonObject valid, List<Field> fields) {
    /** The valid body with one field's value replaced by raw JSON text. */
    Buffer with(String field, String rawJson) {
      String marker = "\"<" + field + ">\"";
      String json = valid.copy().put(field, "<" + field + ">").encode();
      return Buffer.buffer(json.replace(marker, rawJson));
    }

    @Override
    public String toString() {
      return path;
    }
  }

  static final String SCREEN = "/v1/text/screen";
  static final String BATCH = "/v1/text/screen/batch";
  static final String RELOAD = "/v1/admin/lexicons/reload";

  /** Screening fields, of a single request and of each batch item alike. */
  static final List<Field> SCREEN_FIELDS = List.of(new Field("text", Type.TEXT, true),
      new Field("scene", Type.ENUM, false), new Field("platform", Type.ID, false),
      new Field("authorId", Type.ID, false), new Field("targetId", Type.ID, false), new Field("region", Type.REGION, false));

  private Abuse() {}

  /** Every POST route that reads a JSON body; minor-mode calls act for {@code user}. */
  static List<Endpoint> endpoints(String user, long nowEpochSecond) {
    Field platform = new Field("platform", Type.ID, false);
    Field userField = new Field("user", Type.ID, true);
    List<Field> play = List.of(platform, userField, new Field("session", Type.ID, true),
        new Field("service", Type.ENUM, false), new Field("device", Type.ID, false));
    JsonObject playBody = new JsonObject().put("user", user).put("session", "s-" + user);
    return List.of(
        new Endpoint(SCREEN, new JsonObject().put("text", "你好").put("authorId", "a1"), SCREEN_FIELDS),
        new Endpoint(BATCH, new JsonObject().put("items", new JsonArray().add(new JsonObject().put("text", "你好"))),
            List.of(new Field("items", Type.ITEMS, true))),
        new Endpoint("/v1/attestations",
            new JsonObject().put("user", user).put("kind", "resident-id").put("idNumber", residentId(LocalDate.of(2014, 5, 1))),
            List.of(platform, userField, new Field("kind", Type.ENUM, true), new Field("idNumber", Type.STRING, false),
                new Field("pi", Type.STRING, false), new Field("issuer", Type.STRING, false),
                new Field("payload", Type.STRING, false), new Field("signature", Type.STRING, false),
                new Field("birthDate", Type.DATE, false))),
        new Endpoint("/v1/play/authorize", playBody, play),
        new Endpoint("/v1/play/heartbeat", playBody.copy().put("from", nowEpochSecond - 60).put("to", nowEpochSecond),
            concat(play, new Field("from", Type.TIME, true), new Field("to", Type.TIME, true))),
        new Endpoint("/v1/play/end", playBody, play),
        new Endpoint("/v1/payments/check",
            new JsonObject().put("user", user).put("amountFen", 100).put("key", "order-" + user),
            List.of(platform, userField, new Field("service", Type.ENUM, false), new Field("amountFen", Type.NUMBER, true),
                new Field("key", Type.ID, true))),
        new Endpoint("/v1/payments/refund", new JsonObject().put("key", "order-" + user),
            List.of(platform, new Field("key", Type.ID, true))),
        new Endpoint("/v1/guardian/controls", new JsonObject().put("user", user).put("dailyQuotaSeconds", 3600),
            List.of(platform, userField, new Field("dailyQuotaSeconds", Type.NUMBER, false),
                new Field("windows", Type.WINDOWS, false), new Field("playBan", Type.FLAG, false),
                new Field("paymentBan", Type.FLAG, false), new Field("dailySpendCapFen", Type.NUMBER, false),
                new Field("curfewExceptionUntil", Type.TIME, false))));
  }

  private static List<Field> concat(List<Field> fields, Field... more) {
    return Stream.concat(fields.stream(), Arrays.stream(more)).toList();
  }

  /** A valid 18-digit resident ID number of someone born on {@code birth}. */
  static String residentId(LocalDate birth) {
    String first17 = "110105" + birth.toString().replace("-", "") + "123";
    return first17 + ResidentIdNumber.checkCharFor(first17);
  }

  /**
   * What every answer must be, however abusive the request: not a server error, and either a
   * success with a JSON object or the error shape with a known code and the request id header.
   */
  static void assertSane(HttpResponse<Buffer> r, String what) {
    assertTrue(r.statusCode() < 500, () -> what + ": " + r.statusCode() + " " + r.bodyAsString());
    assertNotNull(r.getHeader(RequestIds.HEADER), what);
    JsonObject body = r.bodyAsJsonObject();
    if (r.statusCode() >= 300) {
      JsonObject error = body.getJsonObject("error");
      assertNotNull(error, () -> what + ": " + r.bodyAsString());
      assertTrue(CODES.contains(error.getString("code")), () -> what + ": " + r.bodyAsString());
      assertEquals(r.statusCode(), ErrorCode.valueOf(error.getString("code").toUpperCase(Locale.ROOT)).status(), what);
      assertNotNull(error.getString("message"), what);
    }
  }
}
