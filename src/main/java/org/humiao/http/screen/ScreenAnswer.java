package org.humiao.http.screen;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.humiao.moderation.strategy.Strategy;
import org.humiao.pileon.Verdict;
import org.humiao.screening.Scene;
import org.humiao.screening.ScreeningJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One screened text's answer before it is written: the result as pile-on tracking left it, and
 * what the route adds (scene, lexicon version, strategy). Written field by field straight into the
 * answer's buffer, with no JSON tree in between.
 */
record ScreenAnswer(Verdict verdict, Scene scene, Strategy strategy) {
  /** Initial size of an answer's buffer: a short text's answer fits without growing. */
  private static final int TYPICAL_BYTES = 512;

  /** This answer's fields, without braces: the single route adds requestId, a batch writes it as an item. */
  void writeFields(JsonGenerator json) throws IOException {
    ScreeningJson.writeFields(json, verdict.result());
    json.writeStringField("scene", scene.id());
    json.writeStringField("lexiconVersion", verdict.result().lexiconVersion());
    json.writeObjectFieldStart("strategy");
    json.writeStringField("id", strategy.id());
    json.writeNumberField("version", strategy.version());
    json.writeEndObject();
    verdict.writeFields(json);
  }

  /** One JSON object holding what {@code fields} write, as a buffer to answer with. */
  static Buffer object(ScreeningJson.Fields fields) {
    ByteBuf bytes = Unpooled.buffer(TYPICAL_BYTES);
    try (JsonGenerator json = ScreeningJson.generator(new ByteBufOutputStream(bytes))) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a memory buffer does not fail", e);
    }
    return BufferInternal.buffer(bytes);
  }
}
