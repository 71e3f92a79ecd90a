package org.humiao.server;

import org.humiao.http.RequestIds;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.server.Abuse.Endpoint;
import org.humiao.server.Abuse.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.humiao.server.Abuse.assertSane;
import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table cases of abusive bodies against every JSON route over real HTTP: malformed JSON, bodies
 * over the limit, deep nesting, bad encodings and a wrong value for every field. Each answer is
 * the expected client error, and a normal request is answered after each.
 */
@ExtendWith(VertxExtension.class)
class MalformedBodyTest {
  private static final int MAX_BODY = 1 << 20;
  private static final int DEEP = 100_000;
  private static final Set<String> BAD_VALUE_CODES = Set.of("invalid_field", "invalid_text", "unknown_region");

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(
        Setting.MAX_BODY_BYTES, Integer.toString(MAX_BODY),
        Setting.RATE_LIMIT_PER_SECOND, "100000",
        Setting.RATE_LIMIT_BURST, "100000"));
  static Vertx vertx;
  static List<Endpoint> endpoints;

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
    endpoints = Abuse.endpoints("fuzz-user", System.currentTimeMillis() / 1000);
  }

  /** Whatever came before, the service still screens a line. */
  @AfterEach
  void stillServing() {
    HttpResponse<Buffer> r = app.client().post(Abuse.SCREEN, app.service().platformKey, new JsonObject().put("text", "你好"));
    assertEquals(200, r.statusCode(), r::bodyAsString);
  }

  private static HttpResponse<Buffer> post(Endpoint e, Buffer body) {
    return app.client().post(e.path(), app.service().platformKey, Client.JSON, body);
  }

  private static Buffer bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
    }
    return Buffer.buffer(out.toByteArray());
  }

  /** Bodies that are not one JSON object, each with the valid body of the route as material. */
  private static Map<String, Buffer> malformed(Endpoint e) {
    String valid = e.valid().encode();
    String firstField = e.valid().fieldNames().iterator().next();
    Map<String, Buffer> cases = new LinkedHashMap<>();
    cases.put("empty", Buffer.buffer());
    cases.put("whitespace", Buffer.buffer(" \r\n\t "));
    cases.put("truncated", Buffer.buffer(valid.substring(0, valid.length() / 2)));
    cases.put("one byte short", Buffer.buffer(valid.substring(0, valid.length() - 1)));
    cases.put("trailing garbage", Buffer.buffer(valid + " x"));
    cases.put("two objects", Buffer.buffer(valid + valid));
    cases.put("trailing comma", Buffer.buffer(valid.substring(0, valid.length() - 1) + ",}"));
    cases.put("NaN", e.with("extra", "NaN"));
    cases.put("Infinity", e.with("extra", "-Infinity"));
    cases.put("duplicate key", Buffer.buffer("{\"" + firstField + "\":\"x\"," + valid.substring(1)));
    cases.put("block comment", Buffer.buffer("/* note */" + valid));
    cases.put("line comment", e.with("extra", "1 // note\n"));
    cases.put("single quotes", Buffer.buffer(valid.replace('"', '\'')));
    cases.put("unquoted names", Buffer.buffer(valid.replaceAll("\"(\\w+)\":", "$1:")));
    cases.put("raw control character in a string", e.with("extra", "\"a\u0001b\""));
    cases.put("leading zero", e.with("extra", "007"));
    cases.put("array", Buffer.buffer("[" + valid + "]"));
    cases.put("string", Buffer.buffer("\"" + firstField + "\""));
    cases.put("number", Buffer.buffer("1e400"));
    cases.put("null", Buffer.buffer("null"));
    cases.put("deep arrays", Buffer.buffer("[".repeat(DEEP) + "]".repeat(DEEP)));
    cases.put("deep arrays in a field", e.with("extra", "[".repeat(DEEP) + "]".repeat(DEEP)));
    cases.put("deep objects in a field", e.with("extra", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
    cases.put("deep unclosed", Buffer.buffer("{\"a\":" + "[".repeat(DEEP)));
    for (Map.Entry<String, byte[]> bad : Map.of(
        "lone continuation byte", new byte[] {(byte) 0x80},
        "invalid byte FF", new byte[] {(byte) 0xFF},
        "truncated sequence", new byte[] {(byte) 0xE4, (byte) 0xBD},
        "overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF},
        "past U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}).entrySet()) {
      cases.put("invalid UTF-8: " + bad.getKey(), bytes("{\"extra\":\"a", bad.getValue(), "b\",", valid.substring(1)));
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> malformedBodiesAreMalformedJson() {
    return endpoints.stream().flatMap(e -> malformed(e).entrySet().stream().map(c ->
        DynamicTest.dynamicTest(e.path() + " " + c.getKey(), () ->
            assertError(post(e, c.getValue()), 400, "malformed_json"))));
  }

  @TestFactory
  Stream<DynamicTest> aWrongValueForAnyFieldIsRefusedNamingIt() {
    return endpoints.stream().flatMap(e -> e.fields().stream().flatMap(f -> f.type().wrong.stream().map(wrong ->
        DynamicTest.dynamicTest(e.path() + " " + f.name() + "=" + abbreviate(wrong), () -> {
          HttpResponse<Buffer> r = post(e, e.with(f.name(), wrong));
          assertSane(r, e.path() + " " + f.name() + "=" + abbreviate(wrong));
          assertEquals(400, r.statusCode(), r::bodyAsString);
          JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
          assertTrue(BAD_VALUE_CODES.contains(error.getString("code")), r::bodyAsString);
          if (error.getString("code").equals("invalid_field")) {
            assertTrue(error.getString("message").contains(f.name()), r::bodyAsString);
          }
        }))));
  }

  /** In a batch the same wrong values spoil only their own slot. */
  @TestFactory
  Stream<DynamicTest> aWrongValueInABatchItemIsAnErrorInItsSlot() {
    Endpoint single = endpoints.get(0);
    return Abuse.SCREEN_FIELDS.stream().flatMap(f -> f.type().wrong.stream().map(wrong ->
        DynamicTest.dynamicTest("items[1]." + f.name() + "=" + abbreviate(wrong), () -> {
          Buffer body = bytes("{\"items\":[{\"text\":\"你好\"},", single.with(f.name(), wrong), "]}");
          HttpResponse<Buffer> r = app.client().post(Abuse.BATCH, app.service().platformKey, Client.JSON, body);
          assertEquals(200, r.statusCode(), r::bodyAsString);
          JsonArray items = r.bodyAsJsonObject().getJsonArray("items");
          assertEquals("pass", items.getJsonObject(0).getString("decision"), r::bodyAsString);
          JsonObject error = items.getJsonObject(1).getJsonObject("error");
          assertTrue(error != null && BAD_VALUE_CODES.contains(error.getString("code")), r::bodyAsString);
        })));
  }

  @TestFactory
  Stream<DynamicTest> aRequiredFieldThatIsNullOrAbsentIsMissing() {
    return endpoints.stream().flatMap(e -> e.fields().stream().filter(Field::required).flatMap(f -> Stream.of(
        DynamicTest.dynamicTest(e.path() + " " + f.name() + "=null", () ->
            assertError(post(e, e.with(f.name(), "null")), 400, "missing_field")),
        DynamicTest.dynamicTest(e.path() + " without " + f.name(), () -> {
          JsonObject body = e.valid().copy();
          body.remove(f.name());
          assertError(post(e, body.toBuffer()), 400, "missing_field");
        }))));
  }

  @TestFactory
  Stream<DynamicTest> unknownFieldsAreIgnored() {
    return endpoints.stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      HttpResponse<Buffer> r = post(e, e.with("unknownField", "{\"nested\":[1,2,{\"x\":null}]}"));
      assertEquals(200, r.statusCode(), r::bodyAsString);
    }));
  }

  @TestFactory
  Stream<DynamicTest> aDeclaredLengthOverTheLimitIs413BeforeAnyBody() {
    return endpoints.stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      try (RawHttp raw = new RawHttp(app.service().port(), 10_000)) {
        String answer = raw.send(RawHttp.postHead(e.path(), app.service().platformKey)
            + "Content-Length: " + (MAX_BODY + 1) + "\r\n\r\n").readUntilClosed();
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"body_too_large\""), answer);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> aChunkedBodyOverTheLimitIs413() {
    return endpoints.stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      HttpClient http = vertx.createHttpClient();
      try {
        HttpClientRequest request = http.request(new RequestOptions().setMethod(HttpMethod.POST)
            .setHost("127.0.0.1").setPort(app.service().port()).setURI(e.path())
            .putHeader("Authorization", "Bearer " + app.service().platformKey)
            .putHeader("Content-Type", Client.JSON)).await(10, TimeUnit.SECONDS);
        request.setChunked(true);
        // status and body read together on the event loop, before the close can drop the body
        Future<String> answer = request.response().compose(r -> r.body().map(b -> r.statusCode() + " " + b));
        Buffer chunk = Buffer.buffer(" ".repeat(64 * 1024));
        for (int sent = 0; sent <= MAX_BODY && !answer.isComplete(); sent += chunk.length()) {
          request.write(chunk);
        }
        request.end();
        String got = answer.await(10, TimeUnit.SECONDS);
        assertTrue(got.startsWith("413 ") && got.contains("\"body_too_large\""), got);
      } finally {
        http.close().await(10, TimeUnit.SECONDS);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> requestsTheCodecCannotReadGetTheErrorShapeAndAClose() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("400 malformed_request", "NOT HTTP AT ALL\r\n\r\n");
    cases.put("400 malformed_request ", RawHttp.postHead(Abuse.SCREEN, app.service().platformKey) + "Content-Length: ten\r\n\r\n");
    cases.put("414 uri_too_long", "GET /v1/lexicons?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    cases.put("431 headers_too_large", "GET /v1/lexicons HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
      try (RawHttp raw = new RawHttp(app.service().port(), 10_000)) {
        String answer = raw.send(c.getValue()).readUntilClosed();
        String[] expected = c.getKey().trim().split(" ");
        // HTTP/1.0 when not even the request line was read
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] " + expected[0] + " .*"), answer);
        assertTrue(answer.contains("{\"error\":{\"code\":\"" + expected[1] + "\""), answer);
        assertTrue(answer.contains(RequestIds.HEADER), answer);
      }
    }));
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() {
    Buffer body = new JsonObject().put("text", "你好").toBuffer();
    body.appendString(" ".repeat(MAX_BODY - body.length()));
    assertEquals(MAX_BODY, body.length());
    HttpResponse<Buffer> r = app.client().post(Abuse.SCREEN, app.service().platformKey, Client.JSON, body);
    assertEquals(200, r.statusCode(), r::bodyAsString);
  }

  @Test
  void aFloodOfZeroWidthCharactersIsTooLongOrSeenThrough() {
    String flood = "\u200b".repeat(100_000);
    assertError(app.client().post(Abuse.SCREEN, app.service().platformKey, new JsonObject().put("text", flood)),
        400, "text_too_long");
    String hidden = "你个傻" + "\u200b".repeat(4_000) + "逼";
    HttpResponse<Buffer> r = app.client().post(Abuse.SCREEN, app.service().platformKey, new JsonObject().put("text", hidden));
    assertEquals("block", r.bodyAsJsonObject().getString("decision"), r::bodyAsString);
  }

  @Test
  void aByteOrderMarkBeforeTheBodyIsMalformed() {
    Buffer body = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"text\":\"你好\"}");
    assertError(app.client().post(Abuse.SCREEN, app.service().platformKey, Client.JSON, body), 400, "malformed_json");
  }

  /** The reload reads no body: whatever is sent, it reloads or refuses as the route says, never a server error. */
  @Test
  void theReloadIgnoresItsBody() {
    for (Buffer body : List.of(Buffer.buffer("{"), Buffer.buffer("[".repeat(DEEP)), bytes(new byte[] {(byte) 0xFF}))) {
      HttpResponse<Buffer> r = app.client().post(Abuse.RELOAD, app.service().adminKey, Client.JSON, body);
      assertEquals(200, r.statusCode(), r::bodyAsString);
    }
    assertError(app.client().post(Abuse.RELOAD, app.service().platformKey, Client.JSON, Buffer.buffer("{")), 403, "forbidden");
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 24) + "…(" + s.length() + ")";
  }
}
