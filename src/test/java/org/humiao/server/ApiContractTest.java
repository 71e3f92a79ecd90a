package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.events.ViolationEvent;
import org.humiao.http.ErrorCode;
import org.humiao.minor.ReasonCode;
import org.humiao.screening.Category;
import org.humiao.screening.Decision;
import org.humiao.screening.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check itself: it passes the service's answers and fails what the spec does not
 * describe (a field too many or missing, a value outside an enum, a status, a media type, a path);
 * and the spec's enums are the code's, so a new error or reason code cannot go undocumented.
 */
class ApiContractTest {
  private static final String SPEC = "src/main/resources/openapi.yaml";
  private static final String SCREENED = "{\"decision\":\"block\",\"reason\":\"term\",\"categories\":[{\"category\":"
      + "\"insult\",\"severity\":3,\"score\":1.0}],\"evidence\":[{\"term\":\"傻逼\",\"category\":\"insult\","
      + "\"severity\":3,\"start\":2,\"end\":5,\"source\":\"exact\"}],\"masked\":\"你个***\",\"modelScore\":0.0,"
      + "\"tiers\":[\"fast\"],\"scene\":\"chat\",\"lexiconVersion\":\"mini-1\","
      + "\"strategy\":{\"id\":\"standard\",\"version\":1},\"requestId\":\"0123abcd\"}";
  private static final String AUTHORIZED = "{\"allowed\":true,\"reason\":\"within_limits\",\"secondsLeft\":3600,"
      + "\"nextOpening\":null,\"warningMinutes\":null}";

  @TempDir
  static Path dir;
  static Vertx vertx;
  static ApiContract contract;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = ApiContract.load(vertx, SPEC);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static MultiMap json() {
    return MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json; charset=utf-8");
  }

  private static boolean passes(ApiContract c, HttpMethod method, String uri, int status, MultiMap headers,
      String body) {
    Future<Void> checked = c.verify(method, uri, status, headers, Buffer.buffer(body));
    try {
      checked.await(10, TimeUnit.SECONDS);
      return true;
    } catch (AssertionError e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean passes(HttpMethod method, String uri, int status, String body) {
    return passes(contract, method, uri, status, json(), body);
  }

  @Test
  void theServicesAnswersPass() {
    assertTrue(passes(HttpMethod.POST, "/v1/text/screen", 200, SCREENED));
    assertTrue(passes(HttpMethod.POST, "/v1/play/authorize", 200, AUTHORIZED));
    assertTrue(passes(HttpMethod.GET, "/v1/regulator/summary?groupBy=kind", 400,
        "{\"error\":{\"code\":\"invalid_field\",\"message\":\"groupBy must be one of …\"}}"));
    assertTrue(passes(HttpMethod.GET, "/nowhere", 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route\"}}"));
  }

  @Test
  void aFieldTooManyOrMissingFails() {
    JsonObject authorized = new JsonObject(AUTHORIZED);
    assertFalse(passes(HttpMethod.POST, "/v1/play/authorize", 200, authorized.copy().put("debug", 1).encode()),
        "a field the spec does not list");
    authorized.remove("warningMinutes");
    assertFalse(passes(HttpMethod.POST, "/v1/play/authorize", 200, authorized.encode()), "a required field missing");
    JsonObject screened = new JsonObject(SCREENED).put("score", 0.5);
    assertFalse(passes(HttpMethod.POST, "/v1/text/screen", 200, screened.encode()), "closed through allOf");
    assertFalse(passes(HttpMethod.GET, "/nowhere", 404, "{\"error\":{\"code\":\"not_found\"}}"), "no message");
  }

  @Test
  void aValueOutsideItsEnumFails() {
    assertFalse(passes(HttpMethod.POST, "/v1/play/authorize", 200,
        new JsonObject(AUTHORIZED).put("reason", "sunny").encode()));
    assertFalse(passes(HttpMethod.POST, "/v1/play/authorize", 200,
        new JsonObject(AUTHORIZED).put("warningMinutes", 7).encode()));
    assertFalse(passes(HttpMethod.POST, "/v1/text/screen", 400,
        "{\"error\":{\"code\":\"oops\",\"message\":\"a code no client knows\"}}"));
  }

  @Test
  void aStatusMediaTypeOrPathNotInTheSpecFails() {
    assertFalse(passes(HttpMethod.POST, "/v1/text/screen", 500,
        "{\"error\":{\"code\":\"internal\",\"message\":\"a bug\"}}"), "no 500 is documented: bad input never gets one");
    assertFalse(passes(contract, HttpMethod.GET, "/v1/lexicons", 200,
        MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/html"), "{\"version\":\"mini-1\"}"));
    assertFalse(passes(HttpMethod.GET, "/nowhere", 200, "{}"), "a path the spec does not have");
    assertFalse(passes(HttpMethod.GET, "/dashboard/app.js", 200, "x"), "a page without its CSP header");
  }

  @Test
  void droppingAFieldFromTheSpecFailsTheAnswerThatHasIt() throws Exception {
    String yaml = Files.readString(Path.of(SPEC));
    String tiers = """
                tiers:
                  type: array
                  description: The tiers that screened the text.
                  items:
                    type: string
                    enum: [fast, semantic]
        """;
    assertTrue(yaml.contains(tiers));
    Path broken = dir.resolve("openapi.yaml");
    Files.writeString(broken, yaml.replace(tiers, "").replace("modelScore, tiers, scene", "modelScore, scene"));
    ApiContract without = ApiContract.load(vertx, broken.toString());
    assertTrue(passes(HttpMethod.POST, "/v1/text/screen", 200, SCREENED));
    assertFalse(passes(without, HttpMethod.POST, "/v1/text/screen", 200, json(), SCREENED));
  }

  @Test
  void theSpecsEnumsAreTheCodes() {
    JsonObject schemas = contract.raw().getJsonObject("components").getJsonObject("schemas");
    assertEquals(ids(ErrorCode.values(), ErrorCode::id), enumOf(schemas.getJsonObject("Error")
        .getJsonObject("properties").getJsonObject("error").getJsonObject("properties").getJsonObject("code")));
    assertEquals(ids(ViolationEvent.Kind.values(), ViolationEvent.Kind::id), enumOf(schemas.getJsonObject("EventKind")));
    assertEquals(ids(Category.values(), Category::id), enumOf(schemas.getJsonObject("Category")));
    assertEquals(ids(Decision.values(), Decision::id), enumOf(schemas.getJsonObject("Decision")));
    assertEquals(ids(Reason.values(), Reason::id), enumOf(property(schemas, "Screening", "reason")));
    // every reason an answer can give, each in the answer that gives it
    Set<String> answered = new TreeSet<>();
    for (String answer : new String[] {"AttestAnswer", "PaymentAnswer", "RefundAnswer", "GuardianAnswer"}) {
      answered.addAll(enumOf(property(schemas, answer, "reason")));
    }
    answered.addAll(enumOf(schemas.getJsonObject("PlayReason")));
    answered.addAll(enumOf(property(schemas, "HeartbeatAnswer", "reason").getJsonArray("oneOf").getJsonObject(1)));
    Set<String> codes = ids(ReasonCode.values(), ReasonCode::id);
    codes.remove(ReasonCode.GUARDIAN_LOOSENED.id()); // an event's reason, never an answer's
    assertEquals(codes, answered);
  }

  private static JsonObject property(JsonObject schemas, String schema, String name) {
    return schemas.getJsonObject(schema).getJsonObject("properties").getJsonObject(name);
  }

  private static Set<String> enumOf(JsonObject schema) {
    JsonArray values = schema.getJsonArray("enum");
    return values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
  }

  private static <E> Set<String> ids(E[] values, Function<E, String> id) {
    return Arrays.stream(values).map(id).collect(Collectors.toCollection(TreeSet::new));
  }
}
