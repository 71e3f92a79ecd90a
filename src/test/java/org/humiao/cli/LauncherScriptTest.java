package org.humiao.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/humiao}: which JVM options it gives each command, run against a stand-in for java
 * that records its arguments and writes the archive it is asked to (the JVM's own use of the
 * archive is measured in docs/performance.md, not here).
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("bin/humiao").toAbsolutePath();

  @TempDir
  Path dir;
  private Path jar;
  private Path archive;
  private Path calls;
  private Path java;

  @BeforeEach
  void setUp() throws IOException {
    jar = Files.writeString(dir.resolve("humiao.jar"), "a jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    archive = dir.resolve("humiao.jsa");
    calls = dir.resolve("calls.txt");
    // records its arguments on one line; writes the archive it is asked to; fails when told to
    java = Files.writeString(dir.resolve("java"), """
        #!/bin/sh
        echo "$*" >> "%s"
        for a in "$@"; do
          case "$a" in -XX:ArchiveClassesAtExit=*) echo classes > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
          [ "$a" = fail ] && exit 3
        done
        exit 0
        """.formatted(calls));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
  }

  private int run(String... args) throws IOException, InterruptedException {
    ProcessBuilder command = new ProcessBuilder(Stream.concat(Stream.of(SCRIPT.toString()), Stream.of(args)).toList())
        .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
    command.environment().put("HUMIAO_JAR", jar.toString());
    command.environment().put("JAVA", java.toString());
    command.environment().remove("JAVA_OPTS");
    Process process = command.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script hangs");
    return process.exitValue();
  }

  private String lastCall() throws IOException {
    List<String> lines = Files.readAllLines(calls, StandardCharsets.UTF_8);
    return lines.get(lines.size() - 1);
  }

  @Test
  void aFileCommandWritesTheArchiveBesideTheJarOnceThenRunsOnIt() throws Exception {
    assertEquals(0, run("screen", "in.txt"));
    assertTrue(lastCall().contains("-XX:ArchiveClassesAtExit=" + archive + "."), lastCall());
    assertTrue(lastCall().endsWith("-jar " + jar + " screen in.txt"), lastCall());
    assertTrue(lastCall().contains("-Xlog:all=warning:stderr"), "the JVM's warnings would go to stdout, among the answers");
    assertTrue(Files.exists(archive), "no archive beside the jar");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("humiao.jsa.")).toList());
    }

    assertEquals(0, run("eval", "labelled.csv"));
    assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + archive + " "), lastCall());
    assertFalse(lastCall().contains("ArchiveClassesAtExit"), lastCall());
    assertTrue(lastCall().contains("-XX:+UseSerialGC "), "file commands run on the serial collector: " + lastCall());
  }

  @Test
  void aRebuiltJarGetsANewArchive() throws Exception {
    assertEquals(0, run("screen", "in.txt"));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(0, run("screen", "in.txt"));
    assertTrue(lastCall().contains("-XX:ArchiveClassesAtExit=" + archive + "."), lastCall());
  }

  @Test
  void aFailedRunPassesItsStatusOnAndLeavesNoArchive() throws Exception {
    assertEquals(3, run("screen", "fail"));
    assertFalse(Files.exists(archive));
  }

  @Test
  void serveRunsWithoutAnArchive() throws Exception {
    assertEquals(0, run("serve", "--port", "9"));
    assertEquals("-jar " + jar + " serve --port 9", lastCall());
  }

  @Test
  void withoutAJarItSaysHowToBuildOne() throws Exception {
    Files.delete(jar);
    assertEquals(1, run("screen"));
    assertTrue(Files.readString(dir.resolve("output.txt")).contains("mvn -B -q -DskipTests package"));
  }
}
