package org.humiao.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("the body is not UTF-8");
    }
    try {
      JsonParser parser = FACTORY.createParser(text);
      return JacksonCodec.fromParser(parser, Object.class);
    } catch (IOException e) {
      throw new DecodeException(e.getMessage());
    }
  }
}
