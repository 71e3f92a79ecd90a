package org.humiao.minor.nppa;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginoutRequestFactoryTest {

  private final LoginoutRequestFactory factory = NppaFixture.requests(NppaFixture.SECRET_KEY);

  @Test
  void numbersEncryptsAndSignsTheBatch() throws Exception {
    SignedRequest request = factory.create(NppaFixture.logins(3));

    assertEquals(NppaFixture.APP_ID, request.headers().get("appId"));
    assertEquals(NppaFixture.BIZ_ID, request.headers().get("bizId"));
    assertEquals(Long.toString(NppaFixture.CLOCK.millis()), request.headers().get("timestamps"));
    assertEquals("application/json; charset=utf-8", request.headers().get("Content-Type"));
    String expectedSign = NppaTestCrypto.sha256Hex(NppaFixture.SECRET_KEY + "appId" + NppaFixture.APP_ID
        + "bizId" + NppaFixture.BIZ_ID + "timestamps" + NppaFixture.CLOCK.millis() + request.body());
    assertEquals(expectedSign, request.headers().get("sign"));

    JsonObject envelope = new JsonObject(request.body());
    assertEquals(List.of("data"), List.copyOf(envelope.fieldNames()));
    JsonArray collections = new JsonObject(NppaTestCrypto.decrypt(envelope.getString("data"), NppaFixture.SECRET_KEY)).getJsonArray("collections");
    assertEquals(3, collections.size());
    for (int i = 0; i < 3; i++) {
      JsonObject item = collections.getJsonObject(i);
      assertEquals(i + 1, item.getInteger("no"));
      item.remove("no");
      assertEquals(NppaFixture.login(i + 1).toJson(), item);
    }
  }

  @Test
  void aCallCarriesOneTo128Records() {
    factory.create(NppaFixture.logins(128));
    assertThrows(IllegalArgumentException.class, () -> factory.create(NppaFixture.logins(129)));
    assertThrows(IllegalArgumentException.class, () -> factory.create(List.of()));
  }
}
