package org.humiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code screen FILE} on several threads answers exactly what it answers on one, line for line, reposts included. */
class ScreenPipelineTest {
  /** Clean chat, abuse and its evasions, personal information, long lines and a bad one: answers of every shape and cost. */
  private static final String[] SHAPES = {"今天作业好多啊", "你个傻逼", "我迟早弄死你", "放学别走，我在校门口等你",
      "加我微信abc12345领皮肤", "sb主播滚出去", "我们去操场打球吧", "你妈的什么玩意", "我的手机号是13812345678",
      "这个视频剪辑节奏很舒服，期待下一期"};

  @Test
  void manyThreadsAnswerEveryLineAsOneThreadDoesInInputOrder(@TempDir Path dir) throws Exception {
    int n = 4000;
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String shape = SHAPES[i % SHAPES.length];
      // long lines among short ones, so that answers finish out of order on the workers
      input.append(i % 13 == 0 ? shape.repeat(60) : shape).append(i % 997 == 0 ? "\u0000" : "").append(" #").append(i).append('\n');
    }
    Path file = dir.resolve("lines.txt");
    Files.writeString(file, input, StandardCharsets.UTF_8);

    Cli one = Cli.run("screen", "--threads", "1", file.toString());
    Cli many = Cli.run("screen", "--threads", "4", file.toString());
    assertEquals(0, one.status(), one.err());
    assertEquals(0, many.status(), many.err());
    List<String> expected = one.out().lines().toList();
    List<String> actual = many.out().lines().toList();
    assertEquals(n, expected.size());
    assertEquals(n, actual.size());
    for (int i = 0; i < n; i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + i);
    }
  }

  /** Comment openings, remarks and asides: 10 x 8 x 5 distinct sentences, so each pair stands alone in the repost cache. */
  private static final String[] OPENINGS = {"这个视频", "up主", "楼上", "这家店", "第三集", "主播今天", "这款耳机", "评论区", "作者", "这本书"};
  private static final String[] REMARKS = {"真的挺用心的", "剪辑节奏很舒服", "说得有道理", "价格有点贵但是值", "画质比上次清楚多了",
      "我看了三遍", "配乐太好听了", "讲得很细"};
  private static final String[] ASIDES = {"，顺便问一下链接在哪", "，周末带孩子去试试", "，已经推荐给同事了", "，明天继续追", "，希望别断更"};

  /**
   * A blocked line and, right after it, the same comment without the insult: one thread answers the
   * second {@code repost} (the first was remembered before it); several threads screen the two at
   * once, and the answer must not depend on which finished first. Run as a user runs it, in a JVM
   * of its own with the semantic tier off: with it on, the clean lines would wait for their vectors
   * and always finish after the blocked ones, hiding the race.
   */
  @Test
  void aNearDuplicateOfABlockedLineIsARepostOnAnyNumberOfThreads(@TempDir Path dir) throws Exception {
    StringBuilder input = new StringBuilder();
    int pairs = 0;
    for (String opening : OPENINGS) {
      for (String remark : REMARKS) {
        for (String aside : ASIDES) {
          input.append(opening).append(remark).append(aside).append("，傻逼\n");
          input.append(opening).append(remark).append(aside).append('\n');
          pairs++;
        }
      }
    }
    Path file = Files.writeString(dir.resolve("pairs.txt"), input, StandardCharsets.UTF_8);

    List<String> expected = screenTierOff(dir, file, 1);
    assertEquals(2 * pairs, expected.size());
    for (int i = 1; i < expected.size(); i += 2) {
      assertTrue(expected.get(i).contains("\"reason\":\"repost\""), "line " + i + ": " + expected.get(i));
    }
    for (int run = 0; run < 2; run++) {
      List<String> actual = screenTierOff(dir, file, 4);
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), "run " + run + ", line " + i);
      }
    }
  }

  private static List<String> screenTierOff(Path dir, Path file, int threads) throws Exception {
    Path out = dir.resolve("out-" + threads + ".txt");
    Path err = dir.resolve("err-" + threads + ".txt");
    ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "screen", "--threads", Integer.toString(threads), file.toString())
        .redirectError(err.toFile()).redirectOutput(out.toFile());
    command.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    // a wall-clock budget no text reaches: on a loaded machine a line over 500 ms would be engine_error in one run only
    command.environment().put("HUMIAO_TEXT_BUDGET_MS", "60000");
    Process process = command.start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "screen did not finish");
    assertEquals(0, process.exitValue(), Files.readString(err));
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }
}
