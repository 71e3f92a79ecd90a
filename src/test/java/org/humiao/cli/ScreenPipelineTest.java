package org.humiao.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code screen FILE} on several threads answers exactly what it answers on one, line for line. */
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
}
