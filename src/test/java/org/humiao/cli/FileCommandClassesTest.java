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
 * configuration, HanLP's core dictionary for lines that need no segmentation, logging when
 * nothing is logged, the other commands).
 */
class FileCommandClassesTest {
  /** Class-name prefixes a tiny screen run must not load, each with why it would be loaded. */
  private static final List<String> NOT_LOADED = List.of(
      "io.netty.", // the HTTP server
      "org.apache.kafka.", // the event forwarder
      "javax.xml.parsers.", // an XML logging configuration
      "ch.qos.logback.classic.joran.", // the same
      "com.hankcs.hanlp.dictionary.CoreDictionary", // the segmentation guard's dictionary
      "ch.qos.logback.", // logging, started only when a line is logged
      "org.slf4j.", // the same
      "java.util.logging.LogManager", // the same, for libraries using java.util.logging
      "org.humiao.cli.ServeCommand", // the commands not named: not in the tree
      "org.humiao.cli.EvalCommand",
      "org.humiao.cli.TrainCommand",
      "org.humiao.cli.KeysCommand");

  @TempDir
  Path dir;

  @Test
  void aShortScreenRunLoadsNeitherTheServerNorXmlNorHanlpsDictionaryNorLogging() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "好的\n谢谢\n");
    // the first run compiles the lexicon into a cache of its own (HanLP's tries, whose logger is
    // java.util.logging's); the second reads it, as every later run does, and is the one checked
    run(input, dir.resolve("first.log"));
    Path classes = dir.resolve("classes.log");
    run(input, classes);
    List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8).stream()
        .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
        .filter(line -> NOT_LOADED.stream().anyMatch(line::startsWith))
        .toList();
    assertEquals(List.of(), loaded);
  }

  /** One tiny screen run with its class-loading log, checked to answer both lines. */
  private void run(Path input, Path classes) throws Exception {
    ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load:file=" + classes, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "screen", input.toString())
        .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
    command.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    command.environment().put("HUMIAO_LEXICON_CACHE", dir.resolve("cache").toString());
    Process process = command.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "screen did not finish");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt")));
    List<String> answers = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertEquals(2, answers.size(), answers.toString());
    assertTrue(answers.get(1).contains("\"masked\":\"谢谢\""), answers.toString());
  }
}
