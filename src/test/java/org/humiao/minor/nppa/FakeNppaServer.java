package org.humiao.minor.nppa;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A local stand-in for the NPPA loginout interface, following its public description: it checks
 * the headers, the 5-second timestamp window and the signature, decrypts the body, validates
 * every item and answers with the documented errcodes. Serves both the production path and the
 * test system's {@code /test/collection/loginout/<testCode>} path (any non-empty test code).
 *
 * <p>Tests can script the next answers: a whole-request errcode for the next calls, or an
 * errcode for one item of the next call, to drive the client's retry policy.
 *
 * <p>Where the description is silent, it assumes: failed items are listed in
 * {@code data.results} under overall errcode 3001 and accepted items are not listed; an item
 * older than 180 s or not before {@code timestamps} fails alone with 3005; an item without a
 * valid {@code si} fails with 1012.
 */
public final class FakeNppaServer implements AutoCloseable {

  static final String LOGINOUT_PATH = "/behavior/collection/loginout";
  static final String TEST_PATH_PREFIX = "/test/collection/loginout/";

  private final String appId;
  private final String bizId;
  private final String secretKeyHex;
  private final Clock clock;
  private final HttpServer server;

  private final Deque<Integer> scriptedRequestCodes = new ArrayDeque<>();
  private final Map<Integer, Integer> scriptedItemCodes = new HashMap<>();
  private final List<JsonObject> accepted = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final List<Integer> answeredCodes = new ArrayList<>();

  private FakeNppaServer(String appId, String bizId, String secretKeyHex, Clock clock) throws IOException {
    this.appId = appId;
    this.bizId = bizId;
    this.secretKeyHex = secretKeyHex;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
  }

  public static FakeNppaServer start(String appId, String bizId, String secretKeyHex, Clock clock) throws IOException {
    FakeNppaServer fake = new FakeNppaServer(appId, bizId, secretKeyHex, clock);
    fake.server.start();
    return fake;
  }

  public URI endpoint() {
    return base().resolve(LOGINOUT_PATH);
  }

  URI testSystemEndpoint(String testCode) {
    return base().resolve(TEST_PATH_PREFIX + testCode);
  }

  /** The next {@code calls} requests that pass authentication are answered with {@code code}. */
  public synchronized void answerNext(int calls, NppaCode code) {
    for (int i = 0; i < calls; i++) {
      scriptedRequestCodes.add(code.code());
    }
  }

  /** Drops the answers {@link #answerNext} scripted and not yet given. */
  public synchronized void answerNormally() {
    scriptedRequestCodes.clear();
  }

  /** In the next request, an otherwise valid item numbered {@code no} is answered with {@code code}. */
  synchronized void answerItemNext(int no, NppaCode code) {
    scriptedItemCodes.put(no, code.code());
  }

  /** Every item accepted so far, without its {@code no}, in arrival order. */
  public synchronized List<JsonObject> accepted() {
    return List.copyOf(accepted);
  }

  /** The number of items in each request that got as far as its collections. */
  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  /** The overall errcode of every answer, in order. */
  public synchronized List<Integer> answeredCodes() {
    return List.copyOf(answeredCodes);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonObject answer;
    synchronized (this) {
      answer = answer(exchange, body);
      answeredCodes.add(answer.getInteger("errcode"));
    }
    byte[] bytes = answer.encode().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JsonObject answer(HttpExchange exchange, String body) {
    String path = exchange.getRequestURI().getPath();
    boolean testPath = path.startsWith(TEST_PATH_PREFIX) && path.length() > TEST_PATH_PREFIX.length();
    if (!path.equals(LOGINOUT_PATH) && !testPath) {
      return error(NppaCode.SYS_REQ_RESOURCE_NOT_EXIST);
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      return error(NppaCode.SYS_REQ_METHOD_ERROR);
    }
    Headers headers = exchange.getRequestHeaders();
    String requestAppId = headers.getFirst("appId");
    String requestBizId = headers.getFirst("bizId");
    String timestamps = headers.getFirst("timestamps");
    String sign = headers.getFirst("sign");
    if (requestAppId == null || requestBizId == null || timestamps == null || sign == null) {
      return error(NppaCode.SYS_REQ_HEADER_MISS_ERROR);
    }
    if (!requestAppId.equals(appId)) {
      return error(NppaCode.SYS_REQ_PARTNER_ERROR);
    }
    if (!requestBizId.equals(bizId)) {
      return error(NppaCode.SYS_REQ_AUTH_ERROR);
    }
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamps);
    } catch (NumberFormatException e) {
      return error(NppaCode.SYS_REQ_PARAM_CHECK_ERROR);
    }
    if (Math.abs(clock.millis() - sentAt) > 5_000) {
      return error(NppaCode.SYS_REQ_EXPIRE_ERROR);
    }
    if (!sign.equals(expectedSign(requestAppId, requestBizId, timestamps, exchange.getRequestURI().getRawQuery(), body))) {
      return error(NppaCode.SYS_REQ_PARTNER_AUTH_ERROR);
    }
    if (!scriptedRequestCodes.isEmpty()) {
      return error(NppaCode.of(scriptedRequestCodes.poll()).orElseThrow());
    }
    JsonArray collections;
    try {
      String plaintext = NppaTestCrypto.decrypt(new JsonObject(body).getString("data"), secretKeyHex);
      collections = new JsonObject(plaintext).getJsonArray("collections");
    } catch (GeneralSecurityException | RuntimeException e) {
      return error(NppaCode.SYS_REQ_PARAM_CHECK_ERROR);
    }
    if (collections == null || collections.isEmpty()) {
      return error(NppaCode.BUS_COLL_BEHAVIOR_NULL_ERROR);
    }
    if (collections.size() > NppaConfig.MAX_BATCH) {
      return error(NppaCode.BUS_COLL_OVER_LIMIT_COUNT);
    }
    batchSizes.add(collections.size());
    return judgeItems(collections, sentAt);
  }

  private JsonObject judgeItems(JsonArray collections, long sentAt) {
    Map<Integer, Integer> itemCodes = new HashMap<>(scriptedItemCodes);
    scriptedItemCodes.clear();
    JsonArray failures = new JsonArray();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < collections.size(); i++) {
      JsonObject item = collections.getJsonObject(i);
      Object no = item.getValue("no");
      NppaCode verdict = validate(item, sentAt, numbers);
      if (verdict == NppaCode.OK && itemCodes.containsKey((Integer) no)) {
        verdict = NppaCode.of(itemCodes.get((Integer) no)).orElseThrow();
      }
      if (verdict == NppaCode.OK) {
        JsonObject stored = item.copy();
        stored.remove("no");
        accepted.add(stored);
      } else {
        failures.add(new JsonObject().put("no", no).put("errcode", verdict.code()).put("errmsg", verdict.message()));
      }
    }
    NppaCode overall = failures.isEmpty() ? NppaCode.OK : NppaCode.BUS_COLL_PARTIAL_ERROR;
    return error(overall).put("data", new JsonObject().put("results", failures));
  }

  private static NppaCode validate(JsonObject item, long sentAt, Set<Integer> numbers) {
    if (!(item.getValue("no") instanceof Integer no) || no < 1 || no > NppaConfig.MAX_BATCH || !numbers.add(no)) {
      return NppaCode.BUS_COLL_NO_INVALID;
    }
    Object si = item.getValue("si");
    if (!(si instanceof String session) || session.isEmpty() || session.getBytes(StandardCharsets.UTF_8).length > 32) {
      return NppaCode.SYS_REQ_PARAM_CHECK_ERROR;
    }
    if (!(item.getValue("ot") instanceof Number ot) || ot.longValue() * 1000 > sentAt || sentAt - ot.longValue() * 1000 >= 180_000) {
      return NppaCode.BUS_COLL_BEHAVIOR_TIME_ERROR;
    }
    Object ct = item.getValue("ct");
    if (!Integer.valueOf(0).equals(ct) && !Integer.valueOf(2).equals(ct)) {
      return NppaCode.BUS_COLL_PLAYER_MODE_INVALID;
    }
    Object bt = item.getValue("bt");
    if (!Integer.valueOf(0).equals(bt) && !Integer.valueOf(1).equals(bt)) {
      return NppaCode.BUS_COLL_BEHAVIOR_MODE_INVALID;
    }
    if (ct.equals(0)) {
      Object pi = item.getValue("pi");
      if (!(pi instanceof String player) || player.isEmpty()) {
        return NppaCode.BUS_COLL_PLAYERID_MISS;
      }
      if (player.length() != 38) {
        return NppaCode.BUS_COLL_PLAYERID_INVALID;
      }
    } else {
      Object di = item.getValue("di");
      if (!(di instanceof String device) || device.isEmpty()) {
        return NppaCode.BUS_COLL_DEVICEID_MISS;
      }
    }
    return NppaCode.OK;
  }

  /** secretKey, then the system and URL parameters sorted by key as key+value, then the body. */
  private String expectedSign(String requestAppId, String requestBizId, String timestamps, String rawQuery, String body) {
    TreeMap<String, String> params = new TreeMap<>();
    params.put("appId", requestAppId);
    params.put("bizId", requestBizId);
    params.put("timestamps", timestamps);
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    StringBuilder text = new StringBuilder(secretKeyHex);
    params.forEach((key, value) -> text.append(key).append(value));
    try {
      return NppaTestCrypto.sha256Hex(text.append(body).toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject error(NppaCode code) {
    return new JsonObject().put("errcode", code.code()).put("errmsg", code.message());
  }
}
