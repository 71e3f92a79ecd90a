package org.humiao.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;

/**
 * Decodes a request body as RFC 8259 JSON and nothing more lenient: well-formed UTF-8 (no
 * overlong forms, no encoded surrogates, no byte-order mark), no comments, no NaN, no duplicate
 * names and a bounded nesting depth. Vert.x's own codec allows comments and keeps the last of
 * duplicate names, so a body could mean one thing to a gateway in front of us and another here.
 */
final class StrictJson {
  /** No request nests deeper than 4; the bound keeps the recursive decoder's stack shallow. */
  static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private StrictJson() {}

  /** The value the body holds: a JsonObject, JsonArray, String, Number, Boolean or null. */
  static Object decode(Buffer body) throws DecodeException {
    // read in place where the body is an array on the heap (as the body handler's are): no copy, no String
    ByteBuf bytes = body instanceof BufferInternal internal ? internal.unwrap() : null;
    byte[] array;
    int from;
    int length;
    if (bytes != null && bytes.hasArray()) {
      array = bytes.array();
      from = bytes.arrayOffset() + bytes.readerIndex();
      length = bytes.readableBytes();
    } else {
      array = body.getBytes();
      from = 0;
      length = array.length;
    }
    if (!wellFormedUtf8(array, from, from + length)) {
      throw new DecodeException("the body is not UTF-8");
    }
    // read from bytes, Jackson would skip a byte-order mark and take a NUL early on for UTF-16 or
    // UTF-32; neither is in any JSON text
    if (length >= 3 && (array[from] & 0xFF) == 0xEF && (array[from + 1] & 0xFF) == 0xBB
        && (array[from + 2] & 0xFF) == 0xBF) {
      throw new DecodeException("the body starts with a byte-order mark");
    }
    try {
      JsonParser parser = FACTORY.createParser(array, from, length);
      return JacksonCodec.fromParser(parser, Object.class);
    } catch (IOException e) {
      throw new DecodeException(e.getMessage());
    }
  }

  /**
   * Whether {@code bytes[from, to)} is well-formed UTF-8 as Unicode's table 3-7 defines it: no
   * overlong form, no encoded surrogate, nothing past U+10FFFF, no sequence cut short; and no NUL
   * byte, which JSON text never holds raw. Checked here because Jackson's own UTF-8 reading lets
   * overlong forms and surrogates through.
   */
  static boolean wellFormedUtf8(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        if (lead == 0) {
          return false;
        }
        i++;
        continue;
      }
      int continuations;
      int low = 0x80;
      int high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        low = lead == 0xE0 ? 0xA0 : low;
        high = lead == 0xED ? 0x9F : high;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        low = lead == 0xF0 ? 0x90 : low;
        high = lead == 0xF4 ? 0x8F : high;
      } else {
        return false;
      }
      if (to - i <= continuations) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k <= continuations; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += continuations + 1;
    }
    return true;
  }
}
