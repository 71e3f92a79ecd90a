package org.humiao.server.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging started by the first line logged (a file command that logs nothing starts none): a line
 * logged later, through System.Logger or java.util.logging, comes out as before, a JSON log line on
 * stderr, written out before the process exits. Each case is a process of its own, since logging
 * starts once per JVM.
 */
class LazyLoggingTest {
  @TempDir
  Path dir;

  @Test
  void aFileCommandsWarningThroughSystemLoggerIsALogLineOnStderr() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "好的\n");
    // a cache directory under a plain file: the engine warns through System.Logger, then compiles
    Path notADirectory = Files.writeString(dir.resolve("file"), "");
    String err = run(List.of("org.humiao.cli.Main", "screen", input.toString()),
        notADirectory.resolve("cache").toString());
    assertTrue(err.lines().anyMatch(l -> l.startsWith("{\"time\":") && l.contains("\"level\":\"WARN\"")
        && l.contains("\"logger\":\"org.humiao.screening.LexiconCache\"") && l.contains("cannot write the compiled lexicon")), err);
  }

  @Test
  void javaUtilLoggingUsedAfterTheStartGoesToTheSameLogLines() throws Exception {
    String err = run(List.of(JulUser.class.getName()), dir.resolve("cache").toString());
    assertTrue(err.lines().anyMatch(l -> l.startsWith("{\"time\":") && l.contains("\"level\":\"WARN\"")
        && l.contains("\"logger\":\"com.example.library\"") && l.contains("\"message\":\"a library's warning\"")), err);
    assertFalse(err.contains("WARNING: a library's warning"), "java.util.logging's own console format:\n" + err);
    assertFalse(err.contains("below INFO"), err);
    assertFalse(err.contains("below the library's own level"), "the level the library gave its logger stays:\n" + err);
  }

  /** A program that uses java.util.logging only after the start, as a library loaded on demand does. */
  static final class JulUser {
    public static void main(String[] args) {
      ServiceLog.startWhenUsed();
      java.util.logging.Logger library = java.util.logging.Logger.getLogger("com.example.library");
      // as HanLP does with its own logger, before logging starts
      library.setLevel(java.util.logging.Level.WARNING);
      library.warning("a library's warning");
      library.info("below the library's own level");
      java.util.logging.Logger.getLogger("com.example.other").fine("below INFO");
      ServiceLog.flush();
    }
  }

  /** Runs a main class of the test class path in a JVM of its own; returns its stderr. */
  private String run(List<String> mainAndArgs, String lexiconCache) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path")));
    command.addAll(mainAndArgs);
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    builder.environment().put("HUMIAO_LOG_FORMAT", "json");
    builder.environment().put("HUMIAO_LEXICON_CACHE", lexiconCache);
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the process did not finish");
    String shown = Files.readString(err);
    assertEquals(0, process.exitValue(), shown);
    return shown;
  }
}
