package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginoutResponseTest {

  @Test
  void readsOverallAndItemVerdicts() {
    LoginoutResponse response = LoginoutResponse.parse(
        "{\"errcode\":3001,\"errmsg\":\"BUS COLL PARTIAL ERROR\",\"data\":{\"results\":[{\"no\":2,\"errcode\":3008,\"errmsg\":\"BUS COLL PLAYERID MISS\"}]}}");

    assertEquals(3001, response.errcode());
    assertEquals(List.of(new LoginoutResponse.ItemResult(2, 3008, "BUS COLL PLAYERID MISS")), response.results());
  }

  @Test
  void anAnswerWithoutDataHasNoItemVerdicts() {
    assertEquals(List.of(), LoginoutResponse.parse("{\"errcode\":1001,\"errmsg\":\"SYS ERROR\"}").results());
  }

  @Test
  void refusesWhatIsNotAnNppaAnswer() {
    assertThrows(IllegalArgumentException.class, () -> LoginoutResponse.parse("<html>502 Bad Gateway</html>"));
    assertThrows(IllegalArgumentException.class, () -> LoginoutResponse.parse("{\"errmsg\":\"OK\"}"));
    assertThrows(IllegalArgumentException.class, () -> LoginoutResponse.parse("{\"errcode\":0,\"data\":{\"results\":[{\"errcode\":1}]}}"));
    assertThrows(IllegalArgumentException.class, () -> LoginoutResponse.parse("{\"errcode\":0,\"data\":[]}"));
  }
}
