package org.humiao.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.humiao.config.Setting;
import org.humiao.server.Abuse.Endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.humiao.server.Abuse.assertSane;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated abuse of every JSON route and of the regulators' query parameters over real HTTP:
 * any field set to any JSON value, valid bodies mangled byte by byte, parameters of any bytes.
 * Whatever is sent, the answer is sane (never a server error, always the error shape) and the
 * service goes on answering. Seeds are fixed, so a failure replays.
 */
class FuzzPropertiesTest {
  private static final String SEED = "20261123";
  private static final List<String> SUMMARY_PARAMS = List.of("from", "to", "groupBy", "period", "platform");
  private static final List<String> EVENTS_PARAMS = List.of("platform", "kind", "category", "minSeverity", "before", "limit");

  private static Path dir;
  private static Vertx vertx;
  private static LocalService service;
  private static Client client;
  private static List<Endpoint> endpoints;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("humiao-fuzz");
    vertx = Vertx.vertx();
    service = new LocalService(dir, Map.of(
        Setting.RATE_LIMIT_PER_SECOND, "100000",
        Setting.RATE_LIMIT_BURST, "100000"));
    client = new Client(vertx, service.port());
    endpoints = Abuse.endpoints("prop-user", System.currentTimeMillis() / 1000);
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    service.close();
    vertx.close().await();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @AfterProperty
  void stillServing() {
    HttpResponse<Buffer> r = client.post(Abuse.SCREEN, service.platformKey, new JsonObject().put("text", "你好"));
    assertEquals(200, r.statusCode(), r::bodyAsString);
  }

  @Property(tries = 400, seed = SEED)
  void anyValueInAnyFieldIsAnsweredSanely(@ForAll("endpoints") Endpoint e, @ForAll("fieldNames") String field,
                                          @ForAll("jsonValues") String value) {
    String name = field.isEmpty() ? e.fields().get(0).name() : field;
    assertSane(client.post(e.path(), service.platformKey, Client.JSON, e.with(name, value)), e + " " + name + "=" + value);
  }

  @Property(tries = 400, seed = SEED)
  void aMangledBodyIsAnsweredSanely(@ForAll("endpoints") Endpoint e, @ForAll("edits") List<int[]> edits) {
    byte[] body = e.valid().toBuffer().getBytes();
    for (int[] edit : edits) {
      body = edit(body, edit[0], edit[1], (byte) edit[2]);
    }
    assertSane(client.post(e.path(), service.platformKey, Client.JSON, Buffer.buffer(body)), e.path());
  }

  @Property(tries = 300, seed = SEED)
  void anyQueryParametersAreAnsweredSanely(@ForAll boolean summary, @ForAll("queryValues") List<String> values) {
    List<String> names = summary ? SUMMARY_PARAMS : EVENTS_PARAMS;
    StringBuilder uri = new StringBuilder(summary ? "/v1/regulator/summary?" : "/v1/regulator/events?");
    for (int i = 0; i < values.size(); i++) {
      uri.append(names.get(i % names.size())).append('=').append(values.get(i)).append('&');
    }
    for (String key : List.of(service.platformKey, service.regulatorKey)) {
      assertSane(client.get(uri.toString(), key), uri.toString());
    }
  }

  /**
   * Query strings a URL library would not make: bad escapes, controls, numbers out of range. (Bytes
   * that are not UTF-8 decode to U+FFFD, a filter that matches nothing: sane, as the property checks.)
   */
  @Example
  void brokenQueryStringsAreClientErrors() {
    for (String query : List.of("limit=%zz", "limit=%", "limit=%4", "platform=%00", "category=a%0Ab",
        "minSeverity=1e400", "before=99999999999999999999", "limit=1.0", "kind=", "platform=" + "a".repeat(10_000))) {
      HttpResponse<Buffer> r = client.get("/v1/regulator/events?" + query, service.regulatorKey);
      String what = query.length() > 40 ? query.substring(0, 40) + "…" : query;
      assertSane(r, what);
      assertTrue(r.statusCode() == 400 || r.statusCode() == 414, () -> what + ": " + r.bodyAsString());
    }
  }

  @Provide
  Arbitrary<Endpoint> endpoints() {
    return Arbitraries.of(endpoints);
  }

  /** A field of some route (so most values land where they are read) or an unknown one; "" is the route's first. */
  @Provide
  Arbitrary<String> fieldNames() {
    List<String> names = new ArrayList<>(List.of("", "unknown", "items"));
    endpoints.forEach(e -> e.fields().forEach(f -> names.add(f.name())));
    return Arbitraries.of(names.stream().distinct().toList());
  }

  @Provide
  Arbitrary<String> jsonValues() {
    return jsonValue(3);
  }

  private static Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> scalars = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-0", "1e400", "-1e400", "1.5", "-1", "9223372036854775807",
            "9223372036854775808", "123456789012345678901234567890", "1e18", "-9223372036854775808", "0.0000001"),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        strings().map(Json::encode),
        Arbitraries.of("\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\u001b]0;x\\u0007\"",
            "\"" + "\\u200b".repeat(5000) + "\"", "\"" + "x".repeat(20_000) + "\"", "\"2026-02-20T21:00:30+08:00\"",
            "\"2010-01-01\"", "\"resident-id\"", "\"nppa\"", "\"signed\"", "\"game\"", "\"chat\"", "\"demo\"", "\"other\""));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> child = jsonValue(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalars),
        Tuple.of(1, child.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
        Tuple.of(1, child.list().ofMaxSize(3).map(FuzzPropertiesTest::object)));
  }

  private static String object(List<String> values) {
    List<String> names = List.of("text", "from", "to", "user");
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(values.get(i));
    }
    return sb.append('}').toString();
  }

  /** Any characters, weighted towards the troublesome: controls, surrogates, zero-width, CJK. */
  private static Arbitrary<String> strings() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u001f')
        .withCharRange('\ud800', '\udfff')
        .withChars('\u200b', '\u200c', '\u200d', '\ufeff', '傻', '逼', '\u0085', '\u2028')
        .withCharRange(' ', '~')
        .ofMaxLength(200);
  }

  /** Byte edits: {position, kind (0 delete, 1 insert, 2 overwrite, 3 truncate), byte}. */
  @Provide
  Arbitrary<List<int[]>> edits() {
    return Arbitraries.integers().between(0, 4096).array(int[].class).ofSize(3)
        .map(a -> new int[] {a[0], a[1] % 4, a[2] % 256})
        .list().ofMinSize(1).ofMaxSize(6);
  }

  private static byte[] edit(byte[] body, int position, int kind, byte value) {
    if (body.length == 0) {
      return new byte[] {value};
    }
    int at = position % body.length;
    byte[] out;
    switch (kind) {
      case 0 -> {
        out = new byte[body.length - 1];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(body, at + 1, out, at, body.length - at - 1);
      }
      case 1 -> {
        out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(body, at, out, at + 1, body.length - at);
      }
      case 2 -> {
        out = body.clone();
        out[at] = value;
      }
      default -> out = Arrays.copyOf(body, at);
    }
    return out;
  }

  /** Parameter values: percent-encoded text of any characters, or raw escapes of any bytes. */
  @Provide
  Arbitrary<List<String>> queryValues() {
    Arbitrary<String> encoded = Arbitraries.oneOf(strings(),
            Arbitraries.of("2026-01-01", "2026-02-30", "+2026-01-01", "day", "quarter", "platform,day", "demo", "other",
                "text_blocked", "1", "0", "-1", "1000", "1001", "9223372036854775807", ""))
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    Arbitrary<String> rawBytes = Arbitraries.integers().between(0, 255).list().ofMaxSize(8)
        .map(bytes -> bytes.stream().map(b -> "%%%02X".formatted(b)).reduce("", String::concat));
    return Arbitraries.oneOf(encoded, rawBytes).list().ofMaxSize(8);
  }
}
