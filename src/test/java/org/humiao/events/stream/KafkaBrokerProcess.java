package org.humiao.events.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.humiao.testing.Loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node KRaft Kafka (broker and controller in one) as a child JVM on loopback, run from
 * the Kafka jars on the test classpath. Its storage is formatted once, in a directory of its own;
 * it can be killed and started again on the same ports and data, as an outage and a recovery.
 */
public final class KafkaBrokerProcess implements AutoCloseable {
  private static final long START_SECONDS = 60;
  /** Quick to start and small: the broker lives for one test run and carries little. */
  private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Djava.awt.headless=true");

  private final Path directory;
  private final int port;
  private final Path config;
  private Process process;

  private KafkaBrokerProcess(Path directory, int port, Path config) {
    this.directory = directory;
    this.port = port;
    this.config = config;
  }

  /** Formats storage in a new temporary directory and starts the broker there. */
  static KafkaBrokerProcess start() {
    try {
      Path directory = Files.createTempDirectory("humiao-kafka");
      int port = Loopback.freePort();
      int controllerPort = Loopback.freePort();
      Path config = directory.resolve("server.properties");
      Files.writeString(config, serverProperties(directory, port, controllerPort), StandardCharsets.UTF_8);
      KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port, config);
      broker.format();
      broker.restart();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String serverProperties(Path directory, int port, int controllerPort) {
    return String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + directory.resolve("logs"),
        // several partitions, so that per-platform order is a property of keying, not of there being one
        "num.partitions=3",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "min.insync.replicas=1",
        "group.initial.rebalance.delay.ms=0",
        "log.segment.bytes=1048576",
        // a restarted broker must wait out the session of its killed self before it may register again
        "broker.session.timeout.ms=2000",
        "broker.heartbeat.interval.ms=500",
        "");
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  private void format() throws IOException {
    Process tool = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
        .redirectOutput(directory.resolve("format.log").toFile())
        .redirectErrorStream(true)
        .start();
    try {
      if (!tool.waitFor(START_SECONDS, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        tool.destroyForcibly();
        throw new IllegalStateException("formatting Kafka storage failed: " + log("format.log"));
      }
    } catch (InterruptedException e) {
      tool.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the broker (again) on its ports and data, and waits until it answers a client. */
  void restart() {
    try {
      process = java("kafka.Kafka", config.toString())
          .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Kafka broker", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (!answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka broker did not come up on " + bootstrap() + ": " + log("broker.log"));
      }
    }
  }

  private boolean answers() {
    if (!Loopback.listening("127.0.0.1", port)) {
      Loopback.pause(100);
      return false;
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
      admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL, as a crash or a pulled cable would stop it. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the Kafka broker did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kill();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is no test failure
    }
  }

  private ProcessBuilder java(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(directory.toFile());
  }

  private String log(String name) {
    try {
      String text = Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no " + name + ")";
    }
  }
}
