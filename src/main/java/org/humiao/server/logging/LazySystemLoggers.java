package org.humiao.server.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * System.Logger (the JDK's logging API, used by our engine and by libraries such as Caffeine) into
 * SLF4J, each logger looking up its SLF4J logger when it first logs: a class that only holds a
 * System.Logger, as Caffeine's do, starts no logging (found by the JDK through ServiceLoader).
 */
public final class LazySystemLoggers extends System.LoggerFinder {
  @Override
  public System.Logger getLogger(String name, Module module) {
    return new Lazy(name);
  }

  /** One System.Logger, its SLF4J logger looked up on first use (a race looks it up twice, harmlessly). */
  static final class Lazy implements System.Logger {
    private final String name;
    private volatile Logger slf4j;

    Lazy(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
      org.slf4j.event.Level mapped = level(level);
      return mapped != null && slf4j().isEnabledForLevel(mapped);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
      if (isLoggable(level)) {
        slf4j().atLevel(level(level)).setCause(thrown).log(localized(bundle, message));
      }
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        String pattern = localized(bundle, format);
        // System.Logger's parameters are MessageFormat's ({0}), not SLF4J's ({})
        slf4j().atLevel(level(level)).log(params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params));
      }
    }

    private Logger slf4j() {
      Logger logger = slf4j;
      if (logger == null) {
        logger = LoggerFactory.getLogger(name);
        slf4j = logger;
      }
      return logger;
    }

    private static String localized(ResourceBundle bundle, String key) {
      return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    /** The SLF4J level of a System.Logger level (named in full: inside a System.Logger, Level is its own); null for OFF. */
    private static org.slf4j.event.Level level(System.Logger.Level level) {
      return switch (level) {
        case ALL, TRACE -> org.slf4j.event.Level.TRACE;
        case DEBUG -> org.slf4j.event.Level.DEBUG;
        case INFO -> org.slf4j.event.Level.INFO;
        case WARNING -> org.slf4j.event.Level.WARN;
        case ERROR -> org.slf4j.event.Level.ERROR;
        case OFF -> null;
      };
    }
  }
}
