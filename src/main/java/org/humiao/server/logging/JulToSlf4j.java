package org.humiao.server.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging's configuration when a library first uses it: every record to SLF4J (so to
 * logback, started then), at the level logback's root has until {@link LogConfigurator} runs. Named
 * by the {@code java.util.logging.config.class} property, which java.util.logging reads as it
 * starts, so a command that logs nothing starts neither it nor logback.
 */
public final class JulToSlf4j {
  /** The property java.util.logging instantiates its configuration class from. */
  static final String CONFIG_CLASS = "java.util.logging.config.class";
  /** The property naming a configuration file instead: an operator's own. */
  static final String CONFIG_FILE = "java.util.logging.config.file";
  private static final String CONFIGURATION = "handlers=org.slf4j.bridge.SLF4JBridgeHandler\n.level=INFO\n";

  /** Called by java.util.logging as it starts, on whichever thread first uses it. */
  public JulToSlf4j() {
    try {
      LogManager.getLogManager().readConfiguration(
          new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Names this class to java.util.logging for when it starts, unless an operator's property names
   * another configuration; called before any library can use it.
   */
  static void whenUsed() {
    if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
      System.setProperty(CONFIG_CLASS, JulToSlf4j.class.getName());
    }
  }
}
