package org.humiao.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.humiao.config.LogFormat;
import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's own log lines around its life: the format the settings ask for, the start line
 * (version, lexicon version, profile, port, the settings that differ from their defaults, a
 * secret only as "(set)") and the stop line.
 */
public final class ServiceLog {
  static final String SECRET_SHOWN_AS = "(set)";
  /** Whether logback has started in this process: a file command's starts with its first line logged, if any. */
  private static volatile boolean logbackStarted;

  private ServiceLog() {}

  /**
   * Logging started only when something is logged (a file command that logs nothing pays for
   * neither logback nor java.util.logging): java.util.logging, once a library uses it, into SLF4J
   * ({@link JulToSlf4j}). Called first thing, before any library runs.
   */
  public static void startWhenUsed() {
    JulToSlf4j.whenUsed();
  }

  /** Called by {@link LogConfigurator} as logback starts. */
  static void logbackStarted() {
    logbackStarted = true;
  }

  /** java.util.logging (used by some libraries) into SLF4J as well, now; once per process. */
  public static synchronized void bridgeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** Applies the logFormat setting to the console log ({@link LogConfigurator}'s appenders). */
  public static void configure(Settings settings) {
    bridgeJavaUtilLogging();
    format(settings.logFormat());
  }

  /** Sets the format of every {@link LogLineEncoder} of the root logger's appenders, through async ones. */
  static void format(LogFormat format) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> format(a, format));
    }
  }

  private static void format(Appender<ILoggingEvent> appender, LogFormat format) {
    if (appender instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() instanceof LogLineEncoder encoder) {
      encoder.format(format);
    }
    if (appender instanceof AppenderAttachable<?> parent) {
      @SuppressWarnings("unchecked")
      Iterator<Appender<ILoggingEvent>> children = ((AppenderAttachable<ILoggingEvent>) parent).iteratorForAppenders();
      children.forEachRemaining(a -> format(a, format));
    }
  }

  /** The start line, once the service is ready. {@code given}: the values the config sources gave. */
  public static void started(String version, Settings settings, Map<Setting, String> given, String lexiconVersion,
      int port) {
    Map<String, String> changed = notDefault(given);
    String profile = settings.profile().name().toLowerCase(Locale.ROOT);
    log().atInfo()
        .addKeyValue("version", version)
        .addKeyValue("lexiconVersion", lexiconVersion)
        .addKeyValue("profile", profile)
        .addKeyValue("port", port)
        .addKeyValue("settings", changed)
        // the values are fields (JSON) or follow the message (text): said once
        .log("humiao started");
  }

  /** The stop line, once everything is closed; with what went wrong closing it, if anything did. */
  public static void stopped(Duration uptime, Throwable failure) {
    if (failure == null) {
      log().atInfo().addKeyValue("uptimeSeconds", uptime.toSeconds())
          .log("humiao stopped after {} s", uptime.toSeconds());
    } else {
      log().atError().addKeyValue("uptimeSeconds", uptime.toSeconds()).setCause(failure)
          .log("humiao stopped after {} s, not cleanly", uptime.toSeconds());
    }
  }

  /**
   * Writes out what the async appender still holds and stops logging: the last thing a process
   * does before it exits, or its last lines are lost. Logging never started is not started here.
   */
  public static void flush() {
    if (logbackStarted && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  /** The given values that differ from their defaults, secrets as "(set)" and a Redis password cut out. */
  static Map<String, String> notDefault(Map<Setting, String> given) {
    Map<String, String> changed = new TreeMap<>();
    given.forEach((setting, value) -> {
      if (!value.trim().equals(setting.defaultValue())) {
        changed.put(setting.key(), shown(setting, value.trim()));
      }
    });
    return changed;
  }

  private static String shown(Setting setting, String value) {
    if (setting.secret()) {
      return SECRET_SHOWN_AS;
    }
    // a URI's user info (redis://user:password@host) is a credential
    return value.replaceAll("(?<=://)[^/@]*@", "***@");
  }

  /** Looked up when a line is logged: naming this class (as every command does at exit) starts no logging. */
  private static Logger log() {
    return LoggerFactory.getLogger("humiao");
  }
}
