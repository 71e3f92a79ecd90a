package org.humiao.minor.sim;

import io.vertx.core.json.JsonObject;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every scenario under {@code src/test/resources/scenarios/} through the simulator, on the shipped
 * policies: one test per step with an {@code expect}, and one per step that failed unexpectedly.
 */
class ScenarioTest {
  static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
  private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("\\d{17}[\\dX]");

  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicContainer> scenarios() throws IOException {
    List<DynamicContainer> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        out.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), run(file).stream()));
      }
    }
    assertFalse(out.isEmpty());
    return out.stream();
  }

  private List<DynamicTest> run(Path file) throws IOException {
    PolicyRegistry policies = new PolicyRegistry(Path.of("policies"), SCENARIOS.resolve("assignments.json"));
    List<DynamicTest> tests = new ArrayList<>();
    Path data = Files.createTempDirectory(tmp, "data");
    try (Simulation simulation = new Simulation(policies, TrustedIssuers.none(), data)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        JsonObject step = new JsonObject(line);
        JsonObject out = simulation.step(i + 1, step);
        String name = "line " + (i + 1) + " " + step.getString("step") + " at " + step.getString("at");
        if (ID_NUMBER.matcher(out.encode()).find()) {
          tests.add(DynamicTest.dynamicTest(name + " shows an ID number", () -> assertFalse(true, out.encode())));
        }
        if (step.containsKey("expect")) {
          tests.add(DynamicTest.dynamicTest(name,
              () -> assertEquals("met", out.getString("expect"), out.encodePrettily())));
        } else if (out.containsKey("error")) {
          tests.add(DynamicTest.dynamicTest(name, () -> assertFalse(true, out.encode())));
        }
      }
    }
    return tests;
  }
}
