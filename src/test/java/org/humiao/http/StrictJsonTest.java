package org.humiao.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The body is read from its bytes in place, and still only as well-formed UTF-8 JSON text. */
class StrictJsonTest {
  @Test
  void aBodyIsReadInPlaceFromWhereItsBufferStarts() {
    byte[] framed = "xx{\"text\":\"你好😀\",\"n\":1}yy".getBytes(StandardCharsets.UTF_8);
    Buffer slice = Buffer.buffer(framed).slice(2, framed.length - 2);
    assertEquals(new JsonObject().put("text", "你好😀").put("n", 1), StrictJson.decode(slice));
    assertEquals(new JsonObject().put("text", "你好😀").put("n", 1), StrictJson.decode(slice.copy()));
  }

  @Test
  void onlyWellFormedUtf8JsonTextIsRead() {
    byte[][] bad = {
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},               // an encoded surrogate (U+D800)
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},               // a three-byte overlong '/'
        {(byte) 0xC1, (byte) 0xBF},                            // a two-byte overlong
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},  // past U+10FFFF
        {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},  // a four-byte overlong
        {(byte) 0xE4, (byte) 0xBD},                            // cut short before the closing quote
    };
    for (byte[] b : bad) {
      Buffer body = Buffer.buffer("{\"text\":\"a").appendBytes(b).appendString("b\"}");
      assertThrows(DecodeException.class, () -> StrictJson.decode(body), () -> Buffer.buffer(b).toString());
    }
    byte[] cutAtTheEnd = {'{', '"', 't', '"', ':', '1', '}', (byte) 0xE4};
    assertThrows(DecodeException.class, () -> StrictJson.decode(Buffer.buffer(cutAtTheEnd)));
    // the same JSON as UTF-16: Jackson reading bytes would guess the encoding from the NULs and accept it
    Buffer utf16 = Buffer.buffer("{\"text\":\"你好\"}".getBytes(StandardCharsets.UTF_16BE));
    assertThrows(DecodeException.class, () -> StrictJson.decode(utf16));
    Buffer byteOrderMark = Buffer.buffer(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).appendString("{}");
    assertThrows(DecodeException.class, () -> StrictJson.decode(byteOrderMark));
  }
}
