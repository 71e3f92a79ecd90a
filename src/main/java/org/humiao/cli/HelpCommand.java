package org.humiao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code help [COMMAND...]}: the tool's help, or a command's; takes --help and --version like every command. */
@Command(name = "help", helpCommand = true, description = "print the help of the tool or of a COMMAND")
final class HelpCommand implements Runnable, CommandLine.IHelpCommandInitializable2 {
  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command, and a subcommand of it (keys add)")
  String[] commands = {};

  private CommandLine self;
  private PrintWriter out;

  @Override
  public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
      PrintWriter err) {
    this.self = helpCommandLine;
    this.out = out;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String name : commands) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw new CommandLine.ParameterException(self, "Unknown command: '" + name + "'; the commands are "
            + String.join(", ", target.getSubcommands().keySet()));
      }
      target = sub;
    }
    target.usage(out);
  }
}
