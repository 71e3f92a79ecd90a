package org.humiao.minor.nppa;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The loginout cases of the NPPA 接口测试 as far as the public description gives them, run
 * against the local server on the test system's path:
 * <ul>
 *   <li>testcase07 游戏用户行为数据上报接口 - 游客: a guest login with a device id;
 *   <li>testcase08 游戏用户行为数据上报接口 - 认证用户: an authenticated login with the published pi;
 * </ul>
 * and the interface's documented limits: a logout in the same session, a full batch of 128,
 * 129 refused before sending, a missing pi (refused client-side; 3008 from the server).
 * The real test system also checks its own per-case data, which is not public.
 */
class NppaLoginoutCasesTest {

  private static final String SESSION = "12345678901234567890123456789012";
  private static final String DEVICE = "12345678901234567890123456789012";

  private final NppaFixture fixture = NppaFixture.create();
  private FakeNppaServer server;
  private BatchDelivery delivery;

  @BeforeEach
  void startServer() throws Exception {
    server = NppaFixture.server();
    delivery = fixture.delivery(server.testSystemEndpoint("testcode07"), 1);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void testcase07GuestLogin() throws Exception {
    BehaviourRecord guest = BehaviourRecord.guest(SESSION, BehaviourType.LOGIN, NppaFixture.RECENT, DEVICE);

    assertEquals(List.of(guest), delivery.deliver(List.of(guest)).delivered());
    assertEquals(List.of(0), server.answeredCodes());
  }

  @Test
  void testcase08AuthenticatedLogin() throws Exception {
    BehaviourRecord user = BehaviourRecord.authenticated(SESSION, BehaviourType.LOGIN, NppaFixture.RECENT, NppaFixture.TEST_PI);

    assertEquals(List.of(user), delivery.deliver(List.of(user)).delivered());
    assertEquals(new JsonObject().put("si", SESSION).put("bt", 1).put("ot", NppaFixture.RECENT.getEpochSecond()).put("ct", 0)
        .put("pi", NppaFixture.TEST_PI), server.accepted().get(0));
  }

  @Test
  void loginThenLogoutInTheSameSession() throws Exception {
    Instant out = NppaFixture.RECENT.plusSeconds(5);
    List<BehaviourRecord> session = List.of(
        BehaviourRecord.authenticated(SESSION, BehaviourType.LOGIN, NppaFixture.RECENT, NppaFixture.TEST_PI),
        BehaviourRecord.authenticated(SESSION, BehaviourType.LOGOUT, out, NppaFixture.TEST_PI));

    assertEquals(session, delivery.deliver(session).delivered());
    assertEquals(0, server.accepted().get(1).getInteger("bt"));
  }

  @Test
  void aFullBatchOf128InOneCall() throws Exception {
    assertEquals(128, delivery.deliver(NppaFixture.logins(128)).delivered().size());
    assertEquals(List.of(128), server.batchSizes());
  }

  @Test
  void batchOf129IsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> delivery.deliver(NppaFixture.logins(129)));
    assertEquals(List.of(), server.answeredCodes());
  }

  @Test
  void aMissingPiIsRefusedClientSideAndByTheServer() throws Exception {
    assertThrows(IllegalArgumentException.class,
        () -> BehaviourRecord.authenticated(SESSION, BehaviourType.LOGIN, NppaFixture.RECENT, null));

    // what a client without that check would send: item 2 has no pi
    JsonArray collections = new JsonArray()
        .add(new JsonObject().put("no", 1).mergeIn(NppaFixture.login(1).toJson()))
        .add(new JsonObject().put("no", 2).put("si", SESSION).put("bt", 1).put("ot", NppaFixture.RECENT.getEpochSecond()).put("ct", 0));
    LoginoutResponse response = rawCall(new JsonObject().put("collections", collections));

    assertEquals(3001, response.errcode());
    assertEquals(List.of(new LoginoutResponse.ItemResult(2, 3008, "BUS COLL PLAYERID MISS")), response.results());
  }

  @Test
  void theServerRefusesWhatTheInterfaceForbids() throws Exception {
    List<JsonObject> items = new ArrayList<>();
    items.add(item(1).put("ct", 1));
    items.add(item(2).put("bt", 3));
    items.add(item(3).put("pi", "short"));
    items.add(new JsonObject().put("no", 4).mergeIn(BehaviourRecord.guest("g", BehaviourType.LOGIN, NppaFixture.RECENT, "d").toJson()).put("di", null));
    items.add(item(5).put("ot", NppaFixture.CLOCK.instant().plusSeconds(60).getEpochSecond()));
    items.add(item(5));

    LoginoutResponse response = rawCall(new JsonObject().put("collections", new JsonArray(items)));

    assertEquals(List.of(3006, 3007, 3010, 3009, 3005, 3004), response.results().stream().map(LoginoutResponse.ItemResult::errcode).toList());
    assertEquals(3002, rawCall(new JsonObject().put("collections", new JsonArray())).errcode());
    JsonArray tooMany = new JsonArray();
    for (int i = 1; i <= 129; i++) {
      tooMany.add(item(i));
    }
    assertEquals(3003, rawCall(new JsonObject().put("collections", tooMany)).errcode());
  }

  private static JsonObject item(int no) {
    return new JsonObject().put("no", no).mergeIn(NppaFixture.login(no).toJson());
  }

  private LoginoutResponse rawCall(JsonObject plaintext) throws Exception {
    SignedRequest request = NppaFixture.requests(NppaFixture.SECRET_KEY).seal(plaintext);
    return NppaFixture.transport(server.testSystemEndpoint("testcode08")).post(request);
  }
}
