package org.humiao.minor.nppa;

import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyCipherTest {

  private static final String KEY = "2836e95fcd10e04b0069bb1ee659955b";
  private final BodyCipher cipher = new BodyCipher(HexFormat.of().parseHex(KEY), new SecureRandom());

  @Test
  void theReceiverDecryptsWhatWeEncrypt() throws Exception {
    String plaintext = "{\"collections\":[{\"no\":1,\"si\":\"会话\",\"bt\":1}]}";

    String sealed = cipher.encrypt(plaintext);

    assertEquals(plaintext, NppaTestCrypto.decrypt(sealed, KEY));
    // iv (12) + ciphertext (same length as the plaintext) + tag (16)
    assertEquals(12 + plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16, Base64.getDecoder().decode(sealed).length);
  }

  @Test
  void everyMessageGetsItsOwnIv() {
    assertNotEquals(cipher.encrypt("same"), cipher.encrypt("same"));
  }

  @Test
  void tamperingIsDetected() {
    byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("{\"collections\":[]}"));
    sealed[15] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(sealed);

    assertThrows(AEADBadTagException.class, () -> NppaTestCrypto.decrypt(tampered, KEY));
  }

  @Test
  void theReceiverDecryptsThePublishedSample() throws Exception {
    // the request-body example of the interface description: proves the iv || ciphertext || tag layout
    String published = "CqT/33f3jyoiYqT8MtxEFk3x2rlfhmgzhxpHqWosSj4d3hq2EbrtVyx2aLj565ZQNTcPrcDipnvpq/D/vQDaLKW70O83Q42zvR0//OfnYLcIjTPMnqa+SOhsjQrSdu66ySSORCAo";

    assertEquals("{\"ai\":\"test-accountId\",\"name\":\"用户姓名\",\"idNum\":\"371321199012310912\"}",
        NppaTestCrypto.decrypt(published, KEY));
  }

  @Test
  void refusesAKeyThatIsNotAes128() {
    assertThrows(IllegalArgumentException.class, () -> new BodyCipher(new byte[32], new SecureRandom()));
  }
}
