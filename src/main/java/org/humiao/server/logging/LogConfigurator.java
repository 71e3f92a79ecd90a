package org.humiao.server.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * Humiao's logs, configured in code (found by logback through ServiceLoader) so that no command
 * pays for parsing an XML configuration at start: every line to stderr (stdout carries the
 * commands' answers) through an async appender that never blocks an event loop. Format:
 * HUMIAO_LOG_FORMAT here, then the logFormat setting once serve has read its settings
 * (docs/operations.md#logs). A {@code -Dlogback.configurationFile} given by an operator wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** The system property by which logback reads an operator's own configuration file instead. */
  static final String OPERATOR_FILE = "logback.configurationFile";
  /** Lines the async appender holds; a full queue drops INFO and below first (the access log), then anything. */
  static final int QUEUE = 8192;
  /** Loggers whose INFO lines say nothing an operator acts on. */
  private static final Map<String, Level> QUIETER = Map.of(
      // Kafka's clients log their whole configuration at INFO on every start
      "org.apache.kafka.common.config", Level.WARN,
      "org.apache.kafka.common.utils.AppInfoParser", Level.WARN,
      // the tokenizer library (DJL) warns of a missing GPU and of its defaults on every start
      "ai.djl", Level.ERROR);
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ServiceLog.logbackStarted();
    if (System.getProperty(OPERATOR_FILE) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // java.util.logging levels follow these, so the bridge gets only what is logged; the levels a
    // library gave its own loggers stay (HanLP's WARNING): a file command starts logback after
    // them, when its first line is logged, and resetting them would let their INFO lines through
    LevelChangePropagator julLevels = new LevelChangePropagator();
    julLevels.setContext(context);
    julLevels.setResetJUL(false);
    julLevels.start();
    context.addListener(julLevels);

    LogLineEncoder encoder = new LogLineEncoder();
    encoder.setContext(context);
    String format = System.getenv("HUMIAO_LOG_FORMAT");
    encoder.setFormat(format == null ? "auto" : format);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget(ConsoleTarget.SystemErr.getName());
    console.setEncoder(encoder);
    console.start();

    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setQueueSize(QUEUE);
    async.setNeverBlock(true);
    async.addAppender(console);
    async.start();

    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(async);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
