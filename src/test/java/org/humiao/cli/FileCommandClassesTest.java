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

/**
 * What a short {@code screen} run loads, read from the JVM's class-loading log: none of what it
 * does not use (the service's network stack and Kafka, an XML parser for the logging
 * configuration, HanLP's core dictionary for lines that need no segmentation).
 */
class FileCommandClassesTest {
  /** Class-name prefixes a tiny screen run must not load, each with why it would be loaded. */
  private static final List<String> NOT_LOADED = List.of(
      "io.netty.", // the HTTP server
      "org.apache.kafka.", // the event forwarder
      "javax.xml.parsers.", // an XML logging configuration
      "ch.qos.logback.classic.joran.", // the same
      "com.hankcs.hanlp.dictionary.CoreDictionary"); // the segmentation guard's dictionary

  @TempDir
  Path dir;

  @Test
  void aShortScreenRunLoadsNeitherTheServerNorXmlNorHanlpsDictionary() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "好的\n谢谢\n");
    Path classes = dir.resolve("classes.log");
    ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load:file=" + classes, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "screen", input.toString())
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
    command.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    Process process = command.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "screen did not finish");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt")));
    List<String> answers = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertEquals(2, answers.size(), answers.toString());
    assertTrue(answers.get(1).contains("\"masked\":\"谢谢\""), answers.toString());

    List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8).stream()
        .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
        .filter(line -> NOT_LOADED.stream().anyMatch(line::startsWith))
        .toList();
    assertEquals(List.of(), loaded);
  }
}
