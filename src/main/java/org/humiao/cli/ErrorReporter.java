package org.humiao.cli;

import org.humiao.config.SettingsException;
import org.humiao.keys.KeyFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns what goes wrong into one line on stderr and an exit status: 2 for a command line that
 * does not parse (with a suggestion for a near miss and where the help is), 2 for a bad setting,
 * 1 for a failure while running. No stack trace unless {@code --debug} was given.
 */
final class ErrorReporter implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  static final String DEBUG = "--debug";
  private static final int MAX_TYPO = 2;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(name(cli) + ": " + describe(e));
    err.println("Try '" + name(cli) + " --help' for the options.");
    if (Arrays.asList(args).contains(DEBUG)) {
      e.printStackTrace(err);
    }
    return Main.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    err.println(name(cli) + ": " + describe(e));
    boolean debug = parsed.originalArgs().contains(DEBUG);
    if (debug) {
      e.printStackTrace(err);
    } else if (!(e instanceof CommandFailure) && !(e instanceof SettingsException) && !(e instanceof KeyFileException)) {
      err.println("Run again with --debug for the stack trace.");
    }
    // a bad setting value is a usage error, wherever it was given
    return e instanceof SettingsException || e instanceof KeyFileException ? Main.USAGE : Main.FAILED;
  }

  private static String name(CommandLine cli) {
    return cli.getCommandSpec().qualifiedName();
  }

  /** The first argument not understood, and the names it is a typo away from. */
  private static String describe(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    CommandLine cli = e.getCommandLine();
    String typed = unmatched.getUnmatched().get(0);
    String what;
    Collection<String> names;
    if (typed.startsWith("-")) {
      what = "Unknown option: '" + typed + "'";
      names = cli.getCommandSpec().optionsMap().keySet();
    } else if (!cli.getSubcommands().isEmpty()) {
      what = "Unknown command: '" + typed + "'";
      names = cli.getSubcommands().keySet();
    } else {
      return "Unexpected argument: '" + typed + "'";
    }
    List<String> near = nearest(typed, names);
    return near.isEmpty() ? what : what + "; did you mean "
        + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
  }

  /** The names at the least edit distance from {@code typed}, if that is a typo's (at most 2). */
  static List<String> nearest(String typed, Collection<String> names) {
    int best = MAX_TYPO + 1;
    List<String> nearest = new ArrayList<>();
    for (String name : new TreeSet<>(names)) {
      int d = distance(typed, name);
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) {
        nearest.add(name);
      }
    }
    return nearest;
  }

  /** Edits (insert, delete, replace, swap two neighbours) between two strings: optimal string alignment. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The failure in one line: a missing or unreadable file by name, anything else by its innermost cause. */
  private static String describe(Throwable e) {
    if (e instanceof SettingsException) {
      return e.getMessage() + " (settings: docs/settings.md)";
    }
    if (e instanceof CommandFailure || e instanceof KeyFileException) {
      return e.getMessage();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException missing) {
        return "no such file: " + missing.getFile() + " (paths are relative to " + CommandFailure.workingDirectory() + ")";
      }
      if (t instanceof AccessDeniedException denied) {
        return "permission denied: " + denied.getFile();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
    return "failed: " + root.getClass().getSimpleName() + message;
  }
}
