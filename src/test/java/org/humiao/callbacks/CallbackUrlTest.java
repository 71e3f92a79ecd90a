package org.humiao.callbacks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table {@code src/test/resources/callbacks/urls.tsv}: each URL and whether a platform may
 * register it ({@code ok}) or what part of the refusal names the reason.
 */
class CallbackUrlTest {

  @Test
  void everyUrlOfTheTableIsJudgedAsItSays() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/callbacks/urls.tsv"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertTrue(lines.size() >= 10, "the table is read");
    for (String line : lines) {
      String[] cells = line.split("\t", -1);
      Optional<String> problem = CallbackUrl.problem(cells[0]);
      if (cells[1].equals("ok")) {
        assertEquals(Optional.empty(), problem, cells[0]);
      } else {
        assertTrue(problem.isPresent() && problem.get().contains(cells[1]), cells[0] + " → " + problem);
      }
    }
  }

  @Test
  void aUrlOverTheLengthIsRefused() {
    assertTrue(CallbackUrl.problem("https://example.com/" + "a".repeat(CallbackUrl.MAX_LENGTH)).isPresent());
    assertEquals(Optional.empty(), CallbackUrl.problem("https://example.com/" + "a".repeat(1000)));
  }
}
