package org.humiao.server;

import org.humiao.http.ErrorCode;
import org.humiao.http.RequestIds;
import org.humiao.http.guard.ConnectionGuard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.humiao.config.Setting;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.humiao.server.Client.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route, role and client error of the API, over real HTTP on loopback, against one shared service. */
@ExtendWith(VertxExtension.class)
class HttpApiTest {
  private static final String SCREEN = "/v1/text/screen";
  private static final String BATCH = "/v1/text/screen/batch";
  private static final int MAX_TEXT = 50;
  private static final int MAX_ITEMS = 3;
  private static final int MAX_BODY = 4096;

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of(
        Setting.MAX_TEXT_LENGTH, Integer.toString(MAX_TEXT),
        Setting.MAX_BATCH_ITEMS, Integer.toString(MAX_ITEMS),
        Setting.MAX_BODY_BYTES, Integer.toString(MAX_BODY)));
  static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("text", text);
  }

  private static String lexiconVersion() {
    return app.client().get("/v1/lexicons", app.service().regulatorKey).bodyAsJsonObject().getString("version");
  }

  // --- screening ---------------------------------------------------------------------------

  @Test
  void platformKeyScreensATextWithRequestIdSceneAndVersion() {
    HttpResponse<Buffer> r = app.client().post(SCREEN, app.service().platformKey,
        text("你个傻*逼").put("scene", "danmaku").put("authorId", "u1").put("targetId", "u2"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("block", body.getString("decision"));
    assertEquals("你个***", body.getString("masked"));
    assertEquals("danmaku", body.getString("scene"));
    assertEquals(lexiconVersion(), body.getString("lexiconVersion"));
    assertEquals(r.getHeader(RequestIds.HEADER), body.getString("requestId"));
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
  }

  @Test
  void sceneDefaultsToChatAndAnInnocentTextPasses() {
    JsonObject body = app.client().post(SCREEN, app.service().platformKey, text("今天一起开黑吗")).bodyAsJsonObject();
    assertEquals("chat", body.getString("scene"));
    assertEquals("pass", body.getString("decision"));
  }

  @Test
  void requestIdsDiffer() {
    String a = app.client().post(SCREEN, app.service().platformKey, text("你好")).bodyAsJsonObject().getString("requestId");
    String b = app.client().post(SCREEN, app.service().platformKey, text("你好")).bodyAsJsonObject().getString("requestId");
    assertNotEquals(a, b);
  }

  @Test
  void platformKeyMayNameItsOwnPlatformButNotAnother() {
    assertEquals(200, app.client().post(SCREEN, app.service().platformKey, text("你好").put("platform", LocalService.PLATFORM)).statusCode());
    assertError(app.client().post(SCREEN, app.service().platformKey, text("你好").put("platform", "other")), 403, "platform_mismatch");
    assertError(app.client().post(SCREEN, app.service().otherPlatformKey, text("你好").put("platform", LocalService.PLATFORM)),
        403, "platform_mismatch");
  }

  @Test
  void adminKeyMayScreenForAnyPlatform() {
    assertEquals(200, app.client().post(SCREEN, app.service().adminKey, text("你好").put("platform", "anyone")).statusCode());
  }

  @Test
  void regulatorKeyMayNotScreen() {
    assertError(app.client().post(SCREEN, app.service().regulatorKey, text("你好")), 403, "forbidden");
    assertError(app.client().post(BATCH, app.service().regulatorKey, new JsonObject().put("items", new JsonArray())), 403, "forbidden");
  }

  @Test
  void missingOrUnknownKeyIs401() {
    HttpResponse<Buffer> none = app.client().post(SCREEN, null, text("你好"));
    assertError(none, 401, "unauthorized");
    assertEquals("Bearer", none.getHeader("WWW-Authenticate"));
    assertError(app.client().post(SCREEN, "hm_not-a-key", text("你好")), 401, "unauthorized");
    HttpResponse<Buffer> basic = Client.await(app.client().request(HttpMethod.GET, "/v1/lexicons", null)
        .basicAuthentication("user", app.service().platformKey).send());
    assertError(basic, 401, "unauthorized");
  }

  @Test
  void malformedJsonIs400() {
    assertError(app.client().post(SCREEN, app.service().platformKey, Client.JSON, Buffer.buffer("{\"text\":")), 400, "malformed_json");
    assertError(app.client().post(SCREEN, app.service().platformKey, Client.JSON, Buffer.buffer("[\"text\"]")), 400, "malformed_json");
    assertError(app.client().post(SCREEN, app.service().platformKey, Client.JSON, Buffer.buffer()), 400, "malformed_json");
    assertError(app.client().post(BATCH, app.service().platformKey, Client.JSON, Buffer.buffer("{items")), 400, "malformed_json");
  }

  @Test
  void wrongTypesAndUnknownScenesAreInvalidFields() {
    assertError(app.client().post(SCREEN, app.service().platformKey, new JsonObject().put("text", 42)), 400, "invalid_field");
    assertError(app.client().post(SCREEN, app.service().platformKey, text("你好").put("scene", "forum")), 400, "invalid_field");
    assertError(app.client().post(SCREEN, app.service().platformKey, text("你好").put("scene", 1)), 400, "invalid_field");
    assertError(app.client().post(SCREEN, app.service().platformKey, text("你好").put("authorId", 7)), 400, "invalid_field");
    assertError(app.client().post(SCREEN, app.service().platformKey, text("你好").put("platform", "")), 400, "invalid_field");
    assertError(app.client().post(BATCH, app.service().platformKey, new JsonObject().put("items", "x")), 400, "invalid_field");
  }

  @Test
  void missingTextOrItemsIsMissingField() {
    assertError(app.client().post(SCREEN, app.service().platformKey, new JsonObject().put("scene", "chat")), 400, "missing_field");
    assertError(app.client().post(SCREEN, app.service().platformKey, new JsonObject().putNull("text")), 400, "missing_field");
    assertError(app.client().post(BATCH, app.service().platformKey, new JsonObject()), 400, "missing_field");
  }

  @Test
  void textOverTheLimitIsTooLongAndControlCharactersAreInvalid() {
    JsonObject error = assertError(app.client().post(SCREEN, app.service().platformKey, text("好".repeat(MAX_TEXT + 1))),
        400, "text_too_long");
    assertTrue(error.getString("message").contains(Integer.toString(MAX_TEXT)));
    assertEquals(200, app.client().post(SCREEN, app.service().platformKey, text("好".repeat(MAX_TEXT))).statusCode());
    assertError(app.client().post(SCREEN, app.service().platformKey, text("a\u0000b")), 400, "invalid_text");
  }

  @Test
  void batchAnswersInOrderWithErrorsInTheirSlots() {
    JsonArray items = new JsonArray()
        .add(text("你个傻*逼").put("scene", "comment"))
        .add(text("好".repeat(MAX_TEXT + 1)))
        .add(new JsonObject().put("text", 3));
    HttpResponse<Buffer> r = app.client().post(BATCH, app.service().platformKey, new JsonObject().put("items", items));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(r.getHeader(RequestIds.HEADER), body.getString("requestId"));
    assertEquals(lexiconVersion(), body.getString("lexiconVersion"));
    JsonArray answers = body.getJsonArray("items");
    assertEquals(3, answers.size());
    assertEquals("block", answers.getJsonObject(0).getString("decision"));
    assertEquals("comment", answers.getJsonObject(0).getString("scene"));
    assertEquals("text_too_long", answers.getJsonObject(1).getJsonObject("error").getString("code"));
    JsonObject third = answers.getJsonObject(2).getJsonObject("error");
    assertEquals("invalid_field", third.getString("code"));
    assertTrue(third.getString("message").startsWith("items[2]."), third.encode());
  }

  @Test
  void emptyBatchIsAnEmptyAnswer() {
    JsonObject body = app.client().post(BATCH, app.service().platformKey, new JsonObject().put("items", new JsonArray())).bodyAsJsonObject();
    assertEquals(0, body.getJsonArray("items").size());
  }

  @Test
  void batchOverTheLimitIsRejectedWhole() {
    JsonArray items = new JsonArray();
    for (int i = 0; i <= MAX_ITEMS; i++) {
      items.add(text("你好"));
    }
    assertError(app.client().post(BATCH, app.service().platformKey, new JsonObject().put("items", items)), 400, "batch_too_large");
  }

  @Test
  void batchItemForAnotherPlatformFailsTheWholeBatch() {
    JsonArray items = new JsonArray().add(text("你好")).add(text("你好").put("platform", "other"));
    assertError(app.client().post(BATCH, app.service().platformKey, new JsonObject().put("items", items)), 403, "platform_mismatch");
  }

  // --- body limits and content type ---------------------------------------------------------

  @Test
  void declaredBodyOverTheLimitIsRejectedBeforeItIsSent() throws Exception {
    HttpClient http = vertx.createHttpClient();
    try {
      HttpClientRequest request = http.request(new RequestOptions().setMethod(HttpMethod.POST)
          .setHost("127.0.0.1").setPort(app.service().port()).setURI(SCREEN)).await(5, TimeUnit.SECONDS);
      request.putHeader("Authorization", "Bearer " + app.service().platformKey)
          .putHeader("Content-Type", Client.JSON)
          .putHeader("Content-Length", Long.toString(100L * MAX_BODY));
      Future<HttpClientResponse> response = request.response();
      Future<Buffer> body = response.compose(HttpClientResponse::body);
      // Not a byte of the body is sent: the answer can only come from the declared length.
      request.sendHead();
      assertBodyTooLarge(response, body);
    } finally {
      http.close();
    }
  }

  @Test
  void chunkedBodyOverTheLimitIsRejected() throws Exception {
    HttpClient http = vertx.createHttpClient();
    try {
      HttpClientRequest request = http.request(new RequestOptions().setMethod(HttpMethod.POST)
          .setHost("127.0.0.1").setPort(app.service().port()).setURI(SCREEN)).await(5, TimeUnit.SECONDS);
      request.setChunked(true)
          .putHeader("Authorization", "Bearer " + app.service().platformKey)
          .putHeader("Content-Type", Client.JSON);
      Future<HttpClientResponse> response = request.response();
      Future<Buffer> body = response.compose(HttpClientResponse::body);
      // No Content-Length: only the BodyHandler's limit can stop this body.
      request.write("{\"text\":\"");
      for (int i = 0; i < 4; i++) {
        request.write("a".repeat(MAX_BODY / 2));
      }
      request.end("\"}");
      assertBodyTooLarge(response, body);
    } finally {
      http.close();
    }
  }

  /** The body handler is set before the request goes out: set once the answer is in, it would miss the bytes. */
  private static void assertBodyTooLarge(Future<HttpClientResponse> response, Future<Buffer> body) throws Exception {
    JsonObject json = body.await(5, TimeUnit.SECONDS).toJsonObject();
    assertEquals(413, response.result().statusCode());
    assertEquals("body_too_large", json.getJsonObject("error").getString("code"));
  }

  @Test
  void nonJsonContentTypeIs415() {
    assertError(app.client().post(SCREEN, app.service().platformKey, "text/plain", Buffer.buffer("{\"text\":\"x\"}")), 415,
        "unsupported_media_type");
    assertError(app.client().post(SCREEN, app.service().platformKey, null, Buffer.buffer("{\"text\":\"x\"}")), 415,
        "unsupported_media_type");
    assertEquals(200, app.client().post(SCREEN, app.service().platformKey, "Application/JSON; charset=UTF-8",
        text("你好").toBuffer()).statusCode());
  }

  // --- routing -----------------------------------------------------------------------------

  @Test
  void unknownRouteIs404AndWrongMethodIs405() {
    assertError(app.client().get("/v2/nothing", app.service().adminKey), 404, "not_found");
    assertError(app.client().get("/", null), 404, "not_found");
    assertError(app.client().get(SCREEN, app.service().platformKey), 405, "method_not_allowed");
    assertError(Client.await(app.client().request(HttpMethod.DELETE, "/v1/lexicons", app.service().adminKey).send()), 405,
        "method_not_allowed");
  }

  @Test
  void everyRoleReadsTheLexiconVersion() {
    for (String key : new String[] {app.service().platformKey, app.service().regulatorKey, app.service().adminKey}) {
      HttpResponse<Buffer> r = app.client().get("/v1/lexicons", key);
      assertEquals(200, r.statusCode());
      assertFalse(r.bodyAsJsonObject().getString("version").isEmpty());
    }
    assertError(app.client().get("/v1/lexicons", null), 401, "unauthorized");
  }

  @Test
  void anAdminReloadOfThePoliciesPicksUpANewHolidayNotice() throws Exception {
    assertError(app.client().post("/v1/admin/policies/reload", app.service().platformKey, new JsonObject()), 403, "forbidden");
    JsonObject before = app.client().post("/v1/admin/policies/reload", app.service().adminKey, new JsonObject()).bodyAsJsonObject();
    java.time.LocalDate through = java.time.LocalDate.parse(before.getString("publishedThrough"));
    int next = through.getYear() + 1;
    java.nio.file.Path notice = app.service().policies.resolve("holidays").resolve(next + ".json");
    java.nio.file.Files.writeString(notice, new JsonObject().put("year", next).put("days", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("name", "元旦").put("date", next + "-01-01").put("isOffDay", true))).encode());
    try {
      JsonObject after = app.client().post("/v1/admin/policies/reload", app.service().adminKey, new JsonObject()).bodyAsJsonObject();
      assertEquals(next + "-12-31", after.getString("publishedThrough"), after::encode);
      assertEquals(next + "-12-31", app.client().get("/health/ready", null).bodyAsJsonObject().getJsonObject("calendar")
          .getString("publishedThrough"));
    } finally {
      java.nio.file.Files.delete(notice);
      app.client().post("/v1/admin/policies/reload", app.service().adminKey, new JsonObject());
    }
  }

  @Test
  void healthAnswersWithoutAKey() {
    assertEquals("live", app.client().get("/health/live", null).bodyAsJsonObject().getString("status"));
    JsonObject ready = app.client().get("/health/ready", null).bodyAsJsonObject();
    assertEquals("ready", ready.getString("status"));
    JsonObject checks = ready.getJsonObject("checks");
    assertEquals("up", checks.getJsonObject("journal").getString("status"), ready::encode);
    assertEquals(new JsonObject().put("status", "up").put("backend", "embedded"), checks.getJsonObject("state"));
    assertEquals("off", checks.getJsonObject("kafka").getString("status"), ready::encode);
    assertEquals("off", checks.getJsonObject("nppa").getString("status"), ready::encode);
    // the detail says where the shipped notices end, and how many days are left of them
    java.time.LocalDate through = org.humiao.minor.policy.HolidayCalendar.load(Path.of("policies", "holidays"))
        .publishedThrough();
    assertEquals(through.toString(), ready.getJsonObject("calendar").getString("publishedThrough"), ready::encode);
    long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), through);
    assertEquals(daysLeft, ready.getJsonObject("calendar").getLong("daysLeft"));
    assertTrue(app.client().get("/metrics", null).bodyAsString()
        .contains("humiao_calendar_published_days_left " + (double) daysLeft), "no calendar gauge");
  }

  @Test
  void http2WithPriorKnowledgeWorks() {
    Client h2 = new Client(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.service().port())
        .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
    try {
      HttpResponse<Buffer> r = h2.post(SCREEN, app.service().platformKey, text("你个傻*逼"));
      assertEquals(HttpVersion.HTTP_2, r.version());
      assertEquals(200, r.statusCode());
      assertEquals("block", r.bodyAsJsonObject().getString("decision"));
      assertError(h2.post(SCREEN, app.service().regulatorKey, text("x")), 403, "forbidden");
    } finally {
      h2.close();
    }
  }

  // --- lexicons ----------------------------------------------------------------------------

  @Test
  void onlyAdminReloadsAndABrokenDirectoryKeepsTheOldVersion() throws Exception {
    String reload = "/v1/admin/lexicons/reload";
    assertError(app.client().post(reload, app.service().platformKey, new JsonObject()), 403, "forbidden");
    assertError(app.client().post(reload, app.service().regulatorKey, new JsonObject()), 403, "forbidden");
    String before = lexiconVersion();

    HttpResponse<Buffer> ok = app.client().post(reload, app.service().adminKey, new JsonObject());
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
    assertEquals(before, ok.bodyAsJsonObject().getString("version"));
    assertEquals(before, ok.bodyAsJsonObject().getString("previousVersion"));

    Path manifest = app.service().lexicons.resolve("manifest.properties");
    String original = Files.readString(manifest);
    Files.writeString(manifest, "version=next-1\n");
    try {
      assertEquals("next-1", app.client().post(reload, app.service().adminKey, new JsonObject()).bodyAsJsonObject().getString("version"));
      assertEquals("next-1", lexiconVersion());
      Path model = app.service().lexicons.resolve("model/toxicity.bin");
      Path aside = model.resolveSibling("aside.bin");
      Files.move(model, aside);
      Files.writeString(manifest, "version=broken-2\n");
      try {
        assertError(app.client().post(reload, app.service().adminKey, new JsonObject()), 422, "lexicon_invalid");
        assertEquals("next-1", lexiconVersion());
        assertEquals(200, app.client().post(SCREEN, app.service().platformKey, text("你好")).statusCode());
      } finally {
        Files.move(aside, model);
      }
    } finally {
      Files.writeString(manifest, original);
      app.client().post(reload, app.service().adminKey, new JsonObject());
    }
    assertEquals(before, lexiconVersion());
  }

  // --- keys --------------------------------------------------------------------------------

  @Test
  void addedAndRevokedKeysTakeEffectWithoutARestart() {
    IssuedKey added = app.service().issuer.issue(Role.PLATFORM, "newcomer");
    String key = added.secret();
    assertError(app.client().get("/v1/lexicons", key), 401, "unauthorized");
    app.service().store.add(added.stored());
    eventually(() -> app.client().get("/v1/lexicons", key).statusCode(), 200);
    assertEquals(200, app.client().post(SCREEN, key, text("你好").put("platform", "newcomer")).statusCode());
    app.service().store.revoke(added.stored().id());
    eventually(() -> app.client().get("/v1/lexicons", key).statusCode(), 401);
    assertEquals(200, app.client().get("/v1/lexicons", app.service().platformKey).statusCode());
  }

  private static void eventually(IntSupplier status, int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int last;
    do {
      last = status.getAsInt();
      if (last == expected) {
        return;
      }
      sleep(20);
    } while (System.nanoTime() < deadline);
    assertEquals(expected, last, "status did not change within 5 s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // --- metrics and OpenAPI -----------------------------------------------------------------

  @Test
  void metricsHaveRouteTemplatesDecisionsEventLoopDelayAndJvm() {
    String lexicon = app.client().post(SCREEN, app.service().platformKey, text("你个傻*逼")).bodyAsJsonObject().getString("lexiconVersion");
    app.client().post("/v1/play/authorize", app.service().platformKey, new JsonObject().put("user", "nobody").put("session", "s1"));
    app.client().get("/v1/unknown/12345", null);
    HttpResponse<Buffer> r = app.client().get("/metrics", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
    String text = r.bodyAsString();
    assertTrue(text.contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/text/screen\",status=\"200\"}"), text);
    assertTrue(text.contains("route=\"unmatched\",status=\"404\""), text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
        && l.contains("route=\"/v1/text/screen\"")), "no latency histogram buckets per route");
    // the path itself, not its number: "12345" can be a digit run of any metric value
    assertFalse(text.contains("/v1/unknown"), "a raw path became a label");
    assertTrue(text.contains("humiao_screen_decisions_total{category=\"insult\",decision=\"block\"}"), text);
    assertTrue(text.contains("humiao_events_total{category=\"insult\",kind=\"text_blocked\"} "), text);
    assertTrue(text.contains("humiao_minor_decisions_total{allowed=\"false\",reason=\"guest_not_allowed\",route=\"/v1/play/authorize\"} "), text);
    assertTrue(text.contains("humiao_build_info{lexicon=\"" + lexicon + "\",version=\""), text);
    assertTrue(text.contains("humiao_event_loop_delay_seconds_count"), text);
    assertTrue(text.contains("humiao_screen_in_flight"), text);
    assertTrue(text.contains("jvm_memory_used_bytes"), text);
  }

  @Test
  void theRepostCacheCountsItsLookups() {
    double before = repostMisses();
    // a blocked text leaves fingerprints; a clean text of repost length is then looked up
    app.client().post(SCREEN, app.service().platformKey, text("你个傻*逼，大家都来骂他这个傻*逼吧"));
    app.client().post(SCREEN, app.service().platformKey, text("今天下午我们一起去操场踢足球吧"));
    assertTrue(repostMisses() > before, "no repost cache lookup was counted");
  }

  private double repostMisses() {
    String metrics = app.client().get("/metrics", null).bodyAsString();
    return metrics.lines()
        .filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"repost\"") && l.contains("result=\"miss\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no repost cache metric in " + metrics));
  }

  @Test
  void openApiDocumentsEveryRouteAndEveryDocumentedRouteIsServed() throws Exception {
    HttpResponse<Buffer> r = app.client().get("/openapi.yaml", null);
    assertEquals(200, r.statusCode());
    Set<String> documented = OpenApiPaths.operations(r.bodyAsString());

    Set<String> routed = new TreeSet<>();
    for (Route route : ApiRouter.create(vertx, app.service().service.components(), new ConnectionGuard(vertx, 1, 1, new AtomicInteger())).getRoutes()) {
      if (route.getPath() != null) {
        // vertx-web names a path parameter :id, OpenAPI {id}
        String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
        route.methods().forEach(m -> routed.add(m.name() + " " + path));
      }
    }
    assertEquals(routed, documented);
    // the status from the response head only: the live stream's body never ends
    HttpClient http = vertx.createHttpClient();
    try {
      for (String operation : documented) {
        String[] parts = operation.split(" ", 2);
        // a path's parameters filled with values it serves, or unknown ones
        String uri = parts[1].replace("{platform}", LocalService.PLATFORM).replace("{list}", "block")
            .replaceAll("\\{\\w+}", "unknown");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(parts[0])).setHost("127.0.0.1")
            .setPort(app.service().port()).setURI(uri).putHeader("Authorization", "Bearer " + app.service().adminKey)
            .putHeader("Content-Type", Client.JSON);
        int status = http.request(options).compose(request -> request.send(Buffer.buffer("{}")))
            .map(response -> {
              // the stream's connection is cut when the client closes; that is expected, not an error
              try {
                response.exceptionHandler(closed -> { });
              } catch (IllegalStateException alreadyEnded) {
                // a short answer can be read in full before this runs: nothing left to cut
              }
              return response.statusCode();
            }).await(20, TimeUnit.SECONDS);
        // a path with a parameter names nothing that exists; its 404 is the route's own (no such case), not the router's
        if (status == 404 && !uri.equals(parts[1])) {
          assertFalse(routerNotFound(http, options), operation + ": no route took it");
        } else {
          assertNotEquals(404, status, operation);
        }
        assertNotEquals(405, status, operation);
      }
    } finally {
      http.close().await(5, TimeUnit.SECONDS);
    }
  }

  /** Whether a request's 404 is the router's: no route took it. */
  private static boolean routerNotFound(HttpClient http, RequestOptions options) throws Exception {
    String body = http.request(options).compose(request -> request.send(Buffer.buffer("{}")))
        .compose(response -> response.body()).await(20, TimeUnit.SECONDS).toString();
    return body.contains("no such route");
  }

  @Test
  void madeUpMethodsAre501BeforeRoutingAndNeverBecomeMetricLabels() throws Exception {
    for (int i = 0; i < 30; i++) {
      HttpResponse<Buffer> r = Client.await(app.client().request(HttpMethod.valueOf("FROB" + i),
          i % 2 == 0 ? "/v1/text/screen" : "/nowhere/" + i, null).send());
      assertError(r, 501, "not_implemented");
    }
    String metrics = app.client().get("/metrics", null).bodyAsString();
    assertFalse(metrics.contains("FROB"), "a made-up method became a label");
  }

  @Test
  void openApiNamesEveryErrorCode() {
    String yaml = app.client().get("/openapi.yaml", null).bodyAsString();
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(yaml.contains(code.id()), code.id());
    }
  }
}
