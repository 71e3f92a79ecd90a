package org.humiao.cli;

import org.humiao.config.SettingsException;
import org.humiao.keys.KeyFileException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** {@code java -jar humiao.jar COMMAND ...}: see README.md for every command. */
public final class Main {
  private static final String USAGE = """
      usage: java -jar humiao.jar COMMAND [OPTIONS]
        serve [--config FILE] [--port N] [--data-dir DIR] [--lexicons DIR]
                                                run the HTTP service (settings: docs/settings.md)
        keys add [--data-dir DIR] --role platform|regulator|admin [--platform ID]
                                                make an API key and print it (the only time it is shown)
        keys revoke [--data-dir DIR] --id KEYID  remove a key; a running service stops taking it within a second
        keys list [--data-dir DIR]              print the ids and roles of the keys
        screen [--lexicons DIR] [FILE]          screen UTF-8 lines (stdin without FILE), one JSON answer per line
        eval [--lexicons DIR] [--sweep] FILE    precision, recall, F1, macro-F1 of flagged vs label on a CSV/JSONL file
        eval --semantic [--lexicons DIR] [--cache DIR] FILE
                                                the same with the semantic tier on, and each model alone
        eval --loto TRAIN [--lexicons DIR] [--cache DIR] FILE
                                                leave-one-topic-out: train on the other topics of TRAIN, judge a topic's rows
        train --train FILE [--dev FILE] [--lexicons DIR] [--out FILE]
                                                train the toxicity model (default out: DIR/model/toxicity.bin)
        train --semantic --train FILE [--lexicons DIR] [--out-dir DIR] [--cache DIR] [--threads N]
                                                n-gram model, semantic head and stacker (default: DIR/model/)
        simulate [--policies DIR] [--assignments FILE] [--issuers FILE] FILE
                                                replay a minor-mode scenario (JSONL steps), one JSON answer per step
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (args.length == 0) {
      System.err.print(USAGE);
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      int status = switch (args[0]) {
        case "serve" -> ServeCommand.run(rest, out);
        case "keys" -> KeysCommand.run(rest, out);
        case "screen" -> ScreenCommand.run(rest, System.in, out);
        case "eval" -> EvalCommand.run(rest, out);
        case "train" -> TrainCommand.run(rest, out);
        case "simulate" -> SimulateCommand.run(rest, out);
        default -> throw new Args.UsageException("unknown command: " + args[0]);
      };
      out.flush();
      System.exit(status);
    } catch (Args.UsageException e) {
      out.flush();
      System.err.println("humiao: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    } catch (SettingsException | KeyFileException e) {
      out.flush();
      System.err.println("humiao: " + e.getMessage());
      System.exit(2);
    }
  }
}
