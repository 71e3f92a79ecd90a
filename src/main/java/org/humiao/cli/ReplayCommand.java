package org.humiao.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.pileon.PileOnPolicy;
import org.humiao.pileon.Replay;
import org.humiao.screening.ScreeningEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code replay FILE}: replays timestamped screen requests (JSONL) through screening and pile-on
 * tracking on the clock each line sets, printing one line per level reached and a summary of the
 * targets last. Exit status 1 if a line could not be replayed.
 */
@Command(name = "replay", description = "replay timestamped screen requests (JSONL) through screening and pile-on tracking on the clock each line sets; one line per level reached, then a summary; exit status 1 if a line was bad")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the requests (docs/pileon.md#replay)")
  Path file;

  @Option(names = "--policies", paramLabel = "DIR", defaultValue = SimulateCommand.DEFAULT_POLICIES,
      description = "the policies directory, whose pileon.json sets the levels (default: ${DEFAULT-VALUE})")
  Path policiesDir;

  @Mixin
  Engines engines;

  private final PrintStream out;

  ReplayCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    Path requests = CommandFailure.readableFile(file, "requests", "give a JSONL file of screen requests (docs/pileon.md#replay)");
    CommandFailure.directory(policiesDir, "policies", "run from the project root, where policies/ is, or give --policies DIR");
    PileOnPolicy policy = PileOnPolicy.load(policiesDir).orElseThrow(() -> new CommandFailure(
        "no " + PileOnPolicy.FILE + " in " + policiesDir + ": give --policies DIR of one"));
    boolean failed = false;
    try (ScreeningEngine engine = engines.engine(Engines.CHINA_CLOCK);
         BufferedReader reader = Files.newBufferedReader(requests, StandardCharsets.UTF_8)) {
      Replay replay = new Replay(policy, engine);
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        JsonObject json;
        try {
          json = new JsonObject(line);
        } catch (DecodeException e) {
          json = null;
        }
        JsonObject answer = json == null ? new JsonObject().put("line", lineNo).put("error", "not a JSON object")
            : replay.step(lineNo, json).orElse(null);
        if (answer != null) {
          failed |= answer.containsKey("error");
          out.println(answer.encode());
        }
      }
      out.println(replay.summary().encode());
    }
    return failed ? 1 : 0;
  }
}
