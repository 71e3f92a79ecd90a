package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.sim.Simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code simulate FILE}: replays a minor-mode scenario (JSONL steps) on a simulated clock with a
 * fresh store in a temporary directory, one JSON answer per step. Exit status 1 if an expectation
 * in the scenario was not met.
 */
final class SimulateCommand {
  static final String DEFAULT_POLICIES = "policies";

  private SimulateCommand() {}

  static int run(String[] argv, PrintStream out) throws IOException {
    Args args = new Args(argv, 0, Set.of());
    List<String> files = args.positional();
    if (files.size() != 1) {
      throw new Args.UsageException("simulate needs one scenario FILE");
    }
    Path policiesDir = Path.of(args.option("policies", DEFAULT_POLICIES));
    PolicyRegistry policies = new PolicyRegistry(policiesDir,
        Path.of(args.option("assignments", policiesDir.resolve("assignments.json").toString())));
    String issuersFile = args.option("issuers", null);
    TrustedIssuers issuers = issuersFile == null ? TrustedIssuers.none()
        : TrustedIssuers.fromJson(new JsonObject(Files.readString(Path.of(issuersFile))));
    Path dataDir = Files.createTempDirectory("humiao-sim");
    boolean failed = false;
    try (Simulation simulation = new Simulation(policies, issuers, dataDir);
         BufferedReader reader = Files.newBufferedReader(Path.of(files.get(0)), StandardCharsets.UTF_8)) {
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
