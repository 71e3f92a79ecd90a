package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pile-on replays of src/test/resources/pileon/ (written by make_replays.py there) through
 * {@code humiao replay}, on the shipped policies and lexicons: each reaches exactly the levels
 * replays.json says, at the line it says, and ends protected or not as it says.
 */
class ReplayCommandTest {
  private static final Path REPLAYS = Path.of("src/test/resources/pileon");

  @Test
  void eachReplayReachesTheLevelsItsTableSays() throws Exception {
    JsonObject table = new JsonObject(Files.readString(REPLAYS.resolve("replays.json")));
    assertEquals(4, table.size());
    for (String name : table.fieldNames()) {
      JsonObject expected = table.getJsonObject(name);
      Cli run = Cli.run("replay", REPLAYS.resolve(name + ".jsonl").toString());
      assertEquals(0, run.status(), name + ": " + run.out() + run.err());
      List<JsonObject> lines = run.out().lines().map(JsonObject::new).toList();
      List<JsonObject> crossings = lines.subList(0, lines.size() - 1);
      assertEquals(expected.getJsonArray("levels").getList(), crossings.stream().map(c -> c.getString("level")).toList(),
          name + ": " + run.out());
      crossings.forEach(c -> assertEquals(expected.getString("target"), c.getString("target"), name));
      if (expected.containsKey("surgeAtLine")) {
        JsonObject surge = crossings.get(crossings.size() - 1);
        assertEquals(expected.getInteger("surgeAtLine"), surge.getInteger("line"), name);
        assertEquals(expected.getBoolean("protected"), surge.getBoolean("protected"), name);
      }
      JsonObject summary = lines.get(lines.size() - 1).getJsonObject("summary");
      assertEquals(expected.getInteger("events"), summary.getInteger("events"), name);
      JsonObject target = summary.getJsonArray("targets").stream().map(JsonObject.class::cast)
          .filter(t -> t.getString("target").equals(expected.getString("target"))).findFirst().orElseThrow();
      assertEquals(expected.getBoolean("protected"), target.getBoolean("protected"), name);
    }
  }

  @Test
  void aBadLineIsNamedAndFailsTheReplay(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"at\":\"yesterday\",\"text\":\"hi\",\"targetId\":\"t\"}\nnot json\n"
        + "{\"at\":1772798400,\"text\":\"hi\",\"targetId\":\"t\",\"relation\":\"enemy\"}\n");
    Cli run = Cli.run("replay", file.toString());
    assertEquals(1, run.status());
    List<JsonObject> lines = run.out().lines().map(JsonObject::new).toList();
    assertEquals(List.of(1, 2, 3), lines.subList(0, 3).stream().map(l -> l.getInteger("line")).toList());
    lines.subList(0, 3).forEach(l -> assertTrue(l.containsKey("error"), l::encode));
  }
}
