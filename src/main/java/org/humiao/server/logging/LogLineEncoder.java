package org.humiao.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.humiao.config.LogFormat;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One log event per line, as JSON ({@code time} in UTC, {@code level}, {@code logger},
 * {@code thread}, {@code message}, then the MDC and the event's key-value pairs as fields, then
 * {@code error} and {@code stack}) or as text for a terminal (the same, readable). The format is
 * set from HUMIAO_LOG_FORMAT by {@link LogConfigurator} and again from the logFormat setting once it is known.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NOTHING = new byte[0];

  private volatile LogFormat format = LogFormat.AUTO;

  /**
   * From HUMIAO_LOG_FORMAT: json, text or auto (text on a terminal). Anything else is auto here: the
   * logFormat setting refuses it by name when serve reads its settings.
   */
  public void setFormat(String name) {
    format = Arrays.stream(LogFormat.values()).filter(f -> f.name().equalsIgnoreCase(name.trim()))
        .findFirst().orElse(LogFormat.AUTO);
  }

  /** AUTO is settled here, once: text when the process has a terminal, JSON otherwise. */
  void format(LogFormat requested) {
    format = requested != LogFormat.AUTO ? requested : System.console() != null ? LogFormat.TEXT : LogFormat.JSON;
  }

  LogFormat format() {
    return format;
  }

  @Override
  public void start() {
    format(format);
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return format == LogFormat.TEXT ? text(event) : json(event);
  }

  private static byte[] json(ILoggingEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeStringField("time", UTC.format(event.getInstant()));
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", event.getFormattedMessage());
      for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      for (KeyValuePair kv : pairs(event)) {
        g.writeFieldName(kv.key);
        value(g, kv.value);
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        g.writeStringField("error", thrown.getClassName() + ": " + thrown.getMessage());
        g.writeStringField("stack", ThrowableProxyUtil.asString(thrown));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static void value(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Integer || value instanceof Long) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.toString());
    }
  }

  private static byte[] text(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160)
        .append(UTC.format(event.getInstant())).append(' ')
        .append(String.format("%-5s", event.getLevel())).append(' ')
        .append(event.getLoggerName()).append(": ")
        .append(event.getFormattedMessage());
    event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    for (KeyValuePair kv : pairs(event)) {
      line.append(' ').append(kv.key).append('=').append(kv.value);
    }
    line.append('\n');
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(ThrowableProxyUtil.asString(thrown));
    }
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<KeyValuePair> pairs(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    return pairs == null ? List.of() : pairs;
  }
}
