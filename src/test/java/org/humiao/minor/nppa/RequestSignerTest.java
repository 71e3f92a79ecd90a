package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestSignerTest {

  /** The worked example of the NPPA interface description (签名 Sign). */
  private static final String KEY = "2836e95fcd10e04b0069bb1ee659955b";
  private static final String BODY = "{\"data\":\"CqT/33f3jyoiYqT8MtxEFk3x2rlfhmgzhxpHqWosSj4d3hq2EbrtVyx2aLj565ZQNTcPrcDipnvpq/D/vQDaLKW70O83Q42zvR0//OfnYLcIjTPMnqa+SOhsjQrSdu66ySSORCAo\"}";
  private static final String PUBLISHED_SIGN = "386c03b776a28c06b8032a958fbd89337424ef45c62d0422706cca633d8ad5fd";

  @Test
  void signsThePublishedExample() throws Exception {
    // given in an order other than sorted, as a map of headers and URL parameters would be
    Map<String, String> params = new LinkedHashMap<>();
    params.put("timestamps", "1584949895758");
    params.put("name", "test-name");
    params.put("bizId", "test-bizId");
    params.put("id", "test-id");
    params.put("appId", "test-appId");

    String sign = new RequestSigner(KEY).sign(params, BODY);

    String independently = NppaTestCrypto.sha256Hex(
        KEY + "appIdtest-appId" + "bizIdtest-bizId" + "idtest-id" + "nametest-name" + "timestamps1584949895758" + BODY);
    assertEquals(independently, sign);
    assertEquals(PUBLISHED_SIGN, sign);
  }

  @Test
  void signCoversKeyParametersAndBody() {
    Map<String, String> params = Map.of("appId", "a", "bizId", "b", "timestamps", "1");
    String sign = new RequestSigner(KEY).sign(params, BODY);

    assertNotEquals(sign, new RequestSigner("0" + KEY.substring(1)).sign(params, BODY));
    assertNotEquals(sign, new RequestSigner(KEY).sign(Map.of("appId", "a", "bizId", "b", "timestamps", "2"), BODY));
    assertNotEquals(sign, new RequestSigner(KEY).sign(params, BODY.replace('C', 'D')));
  }
}
