package org.humiao.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table src/test/resources/cli/usage.tsv: command lines run as {@code java -jar humiao.jar}
 * runs them, their exit status and what they print; no stack trace without --debug.
 */
class UsageTableTest {
  private static final Path TABLE = Path.of("src/test/resources/cli/usage.tsv");
  /** A Java stack frame, or an exception's class name as a stack trace starts with it. */
  private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+|^[\\w.$]+(Exception|Error)\\b");

  static Stream<Arguments> cases() throws IOException {
    List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
    List<Arguments> cases = lines.stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> {
          String[] f = l.split("\t", -1);
          if (f.length != 4) {
            throw new IllegalArgumentException("not 4 tab-separated fields: " + l);
          }
          return Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3]);
        })
        .toList();
    assertTrue(cases.size() > 40, "the table was read: " + cases.size());
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void commandLine(String arguments, int status, String stream, String expected) {
    String[] args = arguments.equals("(none)") ? new String[0] : arguments.split(" ");
    Cli run = Cli.run(args);
    String shown = "status " + run.status() + "\nstdout:\n" + run.out() + "\nstderr:\n" + run.err();
    assertEquals(status, run.status(), shown);
    assertTrue((stream.equals("out") ? run.out() : run.err()).contains(expected), shown);
    boolean debug = List.of(args).contains(ErrorReporter.DEBUG);
    assertEquals(debug, STACK_TRACE.matcher(run.out() + run.err()).find(), "a stack trace only with --debug\n" + shown);
    if (status == Main.USAGE) {
      assertEquals("", run.out(), "a usage error prints nothing on stdout");
      if (!debug) {
        // a command line that does not parse says where the help is; a bad setting value, where the settings are
        assertTrue(run.err().strip().endsWith("--help' for the options.") || run.err().strip().endsWith("docs/settings.md)"), shown);
        assertTrue(run.err().lines().count() <= 2, shown);
      }
    }
    if (status == 0) {
      assertEquals("", run.err(), "help and version print nothing on stderr");
    }
    if (status == Main.FAILED && !debug) {
      assertEquals(1, run.err().lines().count(), "a failure is one line\n" + shown);
    }
  }

  @ParameterizedTest
  @MethodSource("typos")
  void aTypoIsTwoEditsAtMost(String typed, String meant, int edits) {
    assertEquals(edits, ErrorReporter.distance(typed, meant));
  }

  static Stream<Arguments> typos() {
    return Stream.of(Arguments.of("--prot", "--port", 1), Arguments.of("scren", "screen", 1),
        Arguments.of("frob", "eval", 4), Arguments.of("--data-dri", "--data-dir", 1), Arguments.of("", "add", 3));
  }
}
