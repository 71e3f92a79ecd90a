package org.humiao.cli;

import org.humiao.server.BuildInfo;
import org.humiao.server.logging.ServiceLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code java -jar humiao.jar COMMAND ...}: the commands, their help and their exit codes (see README.md). */
@Command(name = "humiao", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class, sortOptions = false, usageHelpAutoWidth = true,
    description = "Humiao (护苗): text screening, minor mode and violation events for minors' protection online.",
    footer = {"", "Exit status: 0 done, 1 failed (the message says why), 2 usage error.",
        "Commands run from the project root, where lexicons/ and policies/ are; see README.md."})
public final class Main implements Runnable {
  /** Exit status of a command that ran and failed. */
  static final int FAILED = 1;
  /** Exit status of a command line that does not parse or names no command. */
  static final int USAGE = 2;
  /** The command that looks the others up. */
  private static final String HELP = "help";

  @Spec
  CommandSpec spec;

  // read by ErrorReporter from the arguments, so it works before or after the command name
  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "print the stack trace of a failure")
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    // serve starts logging as it starts; a file command when (if ever) it logs
    ServiceLog.startWhenUsed();
    int status = execute(args, System.in, out, err);
    out.flush();
    // serve returns only when it failed; a running service stops through its shutdown hook
    ServiceLog.flush();
    System.exit(status);
  }

  /** Runs one command line and returns its exit status; what it prints goes to {@code out} and {@code err}. */
  static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return commandLine(args.length == 0 ? null : args[0], in, out, err, Clock.systemUTC()).execute(args);
  }

  /** The command tree with its streams: answers on {@code out}, messages and progress on {@code err}. */
  static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err, Clock clock) {
    return commandLine(null, in, out, err, clock);
  }

  /**
   * The tree of the command named {@code first} alone when it names one (picocli reflects over a
   * command's annotations as it is added: all eight were about a fifth of a short run's main
   * thread), else the whole tree, which lists them all, suggests one for a typo and serves help.
   * Keyed by each command's name (its {@code @Command} name, held equal by CommandsTest), so a
   * command not in the tree is not even loaded.
   */
  static CommandLine commandLine(String first, InputStream in, PrintStream out, PrintStream err, Clock clock) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("serve", () -> new ServeCommand(out, clock));
    commands.put("keys", () -> KeysCommand.commandLine(out));
    commands.put("screen", () -> new ScreenCommand(in, out, err));
    commands.put("eval", () -> new EvalCommand(out, err));
    commands.put("train", () -> new TrainCommand(out, err));
    commands.put("simulate", () -> new SimulateCommand(out));
    commands.put("replay", () -> new ReplayCommand(out));
    commands.put(HELP, () -> new HelpCommand());
    // help looks the others up: it gets them all
    boolean named = commands.containsKey(first) && !HELP.equals(first);
    CommandLine cli = new CommandLine(new Main());
    commands.forEach((name, command) -> {
      if (!named || name.equals(first)) {
        cli.addSubcommand(command.get());
      }
    });
    return configure(cli, out, err);
  }

  /** Streams, exit codes and error reporting shared by the tool and a command run on its own. */
  static CommandLine configure(CommandLine cli, PrintStream out, PrintStream err) {
    ErrorReporter errors = new ErrorReporter();
    return cli
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  /** {@code --version}: the build's version. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"humiao " + BuildInfo.version()};
    }
  }
}
