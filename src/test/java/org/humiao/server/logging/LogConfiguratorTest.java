package org.humiao.server.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging set up in code (found through ServiceLoader): what logback.xml used to say, appender by appender. */
class LogConfiguratorTest {
  @Test
  void theProcessLogsThroughAnAsyncAppenderToStderrAsLogLines() {
    LoggerContext context = assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.INFO, root.getLevel());
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    assertEquals(1, appenders.size(), "one appender on the root: " + appenders);
    AsyncAppender async = assertInstanceOf(AsyncAppender.class, appenders.get(0));
    assertTrue(async.isStarted());
    assertTrue(async.isNeverBlock(), "an event loop must never wait for the log");
    assertEquals(LogConfigurator.QUEUE, async.getQueueSize());
    ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, async.getAppender("CONSOLE"));
    assertTrue(console.isStarted());
    assertEquals("System.err", console.getTarget(), "stdout carries the commands' answers");
    assertInstanceOf(LogLineEncoder.class, console.getEncoder());
  }

  @Test
  void chattyLibrariesAreQuieterAndJavaUtilLoggingFollowsTheLevels() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertEquals(Level.WARN, context.getLogger("org.apache.kafka.common.config").getLevel());
    assertEquals(Level.WARN, context.getLogger("org.apache.kafka.common.utils.AppInfoParser").getLevel());
    assertEquals(Level.ERROR, context.getLogger("ai.djl.util.Platform").getEffectiveLevel());
    assertTrue(context.getCopyOfListenerList().stream().anyMatch(LevelChangePropagator.class::isInstance));
  }

  @Test
  void anOperatorsOwnConfigurationFileIsLeftToLogback() {
    String before = System.getProperty(LogConfigurator.OPERATOR_FILE);
    System.setProperty(LogConfigurator.OPERATOR_FILE, "/etc/humiao/logback.xml");
    try {
      LoggerContext fresh = new LoggerContext();
      LogConfigurator configurator = new LogConfigurator();
      configurator.setContext(fresh);
      assertEquals(LogConfigurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(fresh));
      assertFalse(fresh.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    } finally {
      if (before == null) {
        System.clearProperty(LogConfigurator.OPERATOR_FILE);
      } else {
        System.setProperty(LogConfigurator.OPERATOR_FILE, before);
      }
    }
  }
}
