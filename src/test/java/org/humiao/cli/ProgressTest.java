package org.humiao.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Progress lines on a clock the test turns: at most one a second, with the rate and the time left. */
class ProgressTest {
  @Test
  void reportsLinesRateAndTimeLeftOnceASecond() {
    long[] now = {0};
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = Progress.of("eval", 1000, new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0]);
    for (int i = 0; i < 400; i++) {
      now[0] += TimeUnit.MILLISECONDS.toNanos(5);
      progress.step();
    }
    progress.finish();
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of(
        "eval: 200 / 1,000 lines (20%), 200 lines/s, 4 s left",
        "eval: 400 / 1,000 lines (40%), 200 lines/s, 3 s left",
        "eval: 400 / 1,000 lines (40%), 200 lines/s, done in 2.0 s"), lines);
  }

  @Test
  void anUnknownTotalHasNoTimeLeft() {
    long[] now = {0};
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = Progress.of("screen", -1, new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0]);
    now[0] = TimeUnit.SECONDS.toNanos(2); // half a line a second, shown rounded
    progress.step();
    assertEquals("screen: 1 lines, 1 lines/s\n", err.toString(StandardCharsets.UTF_8));
  }
}
