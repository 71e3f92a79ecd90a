package org.humiao.screening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON shape of a screening answer, shared by the command line and the HTTP API. Written with
 * a streaming generator rather than built as a tree: answers are the service's most frequent
 * output, and the tree and its serialization cost more than the engine on short texts.
 */
public final class ScreeningJson {
  /** Thread-safe once configured; generators are cheap, the factory is not. */
  private static final JsonFactory FACTORY = new JsonFactory();

  private ScreeningJson() {}

  /** What a caller writes between an object's braces. */
  @FunctionalInterface
  public interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  /** A generator onto {@code out}; closing it flushes but leaves {@code out} to its owner. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** The result's fields, without braces, so a caller can add its own to the same object. */
  public static void writeFields(JsonGenerator json, ScreeningResult result) throws IOException {
    json.writeStringField("decision", result.decision().id());
    json.writeStringField("reason", result.reason().id());
    json.writeArrayFieldStart("categories");
    for (CategoryScore c : result.categories()) {
      json.writeStartObject();
      json.writeStringField("category", c.category().id());
      json.writeNumberField("severity", c.severity());
      json.writeNumberField("score", round(c.score()));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("evidence");
    for (Evidence e : result.evidence()) {
      json.writeStartObject();
      json.writeStringField("term", e.term());
      json.writeStringField("category", e.category().id());
      json.writeNumberField("severity", e.severity());
      json.writeNumberField("start", e.start());
      json.writeNumberField("end", e.end());
      json.writeStringField("source", e.source());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("masked", result.masked());
    json.writeNumberField("modelScore", round(result.modelScore()));
    json.writeArrayFieldStart("tiers");
    for (Tier t : result.tiers()) {
      json.writeString(t.id());
    }
    json.writeEndArray();
    if (result.semanticScore().isPresent()) {
      json.writeNumberField("semanticScore", round(result.semanticScore().getAsDouble()));
    }
  }

  /** The answer of the file commands: the result alone, as one line of JSON. */
  public static String encode(ScreeningResult result) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      writeFields(json, result);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a string writer does not fail", e);
    }
    return out.toString();
  }

  /** The answer as a tree, for readers that look into it (tests, messages). */
  public static JsonObject of(ScreeningResult result) {
    return new JsonObject(encode(result));
  }

  public static JsonObject error(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }
}
