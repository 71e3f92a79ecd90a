package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code simulate FILE}: replays a minor-mode scenario (JSONL steps) on a simulated clock with a
 * fresh store in a temporary directory, one JSON answer per step. Exit status 1 if an expectation
 * in the scenario was not met.
 */
@Command(name = "simulate", description = "replay a minor-mode scenario (JSONL steps) on the clock each step sets, one JSON answer per step; exit status 1 if an expectation was not met")
final class SimulateCommand implements Callable<Integer> {
  static final String DEFAULT_POLICIES = "policies";

  @Parameters(paramLabel = "FILE", description = "the scenario (docs/minor-mode.md#simulate)")
  Path scenario;

  @Option(names = "--policies", paramLabel = "DIR", defaultValue = DEFAULT_POLICIES,
      description = "the policies directory (default: ${DEFAULT-VALUE})")
  Path policiesDir;

  @Option(names = "--assignments", paramLabel = "FILE", description = "platforms' policies (default: DIR/assignments.json)")
  Path assignments;

  @Option(names = "--issuers", paramLabel = "FILE", description = "trusted attestation issuers (default: none)")
  Path issuersFile;

  private final PrintStream out;

  SimulateCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    Path steps = CommandFailure.readableFile(scenario, "scenario", "give a JSONL file of steps (docs/minor-mode.md#simulate)");
    CommandFailure.directory(policiesDir, "policies", "run from the project root, where policies/ is, or give --policies DIR");
    PolicyRegistry policies = new PolicyRegistry(policiesDir,
        assignments != null ? assignments : policiesDir.resolve("assignments.json"));
    TrustedIssuers issuers = issuersFile == null ? TrustedIssuers.none()
        : TrustedIssuers.fromJson(new JsonObject(Files.readString(
            CommandFailure.readableFile(issuersFile, "issuers file", "give a JSON file of trusted issuers, or leave --issuers out"))));
    Path dataDir = Files.createTempDirectory("humiao-sim");
    boolean failed = false;
    try (Simulation simulation = new Simulation(policies, issuers, dataDir);
         BufferedReader reader = Files.newBufferedReader(steps, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        JsonObject answer = simulation.step(lineNo, new JsonObject(line));
        failed |= "failed".equals(answer.getString("expect"));
        out.println(answer.encode());
      }
    } finally {
      deleteTree(dataDir);
    }
    return failed ? 1 : 0;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
