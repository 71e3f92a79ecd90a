package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimulateCommandTest {
  private static final String ATTEST = "{\"at\":\"2026-02-20T12:00:00+08:00\",\"step\":\"attest\",\"platform\":\"demo\","
      + "\"user\":\"u\",\"kind\":\"resident-id\",\"idNumber\":\"110105201006011231\"}";

  private static List<JsonObject> run(Path scenario, int expectedStatus) throws Exception {
    Cli run = Cli.run("simulate", scenario.toString());
    assertEquals(expectedStatus, run.status(), run.err());
    return run.out().lines().map(JsonObject::new).toList();
  }

  @Test
  void printsOneAnswerPerStepAndPassesWhenExpectationsHold(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("s.jsonl");
    Files.writeString(scenario, String.join("\n", "# the README example", ATTEST,
        "{\"at\":\"2026-02-20T21:59:30+08:00\",\"step\":\"authorize\",\"platform\":\"demo\",\"user\":\"u\",\"session\":\"s\","
            + "\"expect\":{\"allowed\":false,\"reason\":\"outside_play_hours\"}}",
        "{\"at\":\"2026-02-20T20:00:00+08:00\",\"step\":\"bogus\"}"));
    List<JsonObject> answers = run(scenario, 0);
    assertEquals(3, answers.size());
    assertEquals("met", answers.get(1).getString("expect"));
    assertEquals("curfew_attempt", answers.get(1).getJsonArray("events").getJsonObject(0).getString("kind"));
    assertEquals("unknown step: bogus", answers.get(2).getString("error"));
  }

  @Test
  void failsWhenAnExpectationDoesNot(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("s.jsonl");
    Files.writeString(scenario, ATTEST + "\n"
        + "{\"at\":\"2026-02-20T20:00:00+08:00\",\"step\":\"authorize\",\"platform\":\"demo\",\"user\":\"u\",\"session\":\"s\","
        + "\"expect\":{\"allowed\":true,\"secondsLeft\":60}}\n");
    List<JsonObject> answers = run(scenario, 1);
    assertEquals("failed", answers.get(1).getString("expect"));
    assertEquals("secondsLeft: expected 60, got 3600", answers.get(1).getJsonArray("mismatches").getString(0));
  }
}
