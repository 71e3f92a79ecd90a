package org.humiao.server;

import org.humiao.keys.KeyBootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as operators run it, {@code serve} in a JVM of its own on loopback, so that a test
 * can SIGKILL it as a crash would and start it again on the same data dir and port.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Pattern KEY = Pattern.compile("role=(\\w+) .*key=(\\S+)");
  private static final Pattern LISTENING = Pattern.compile("humiao listening on \\S+:(\\d+)");

  private final Process process;
  private final int port;
  /** Keys the first start handed over, by role. */
  private final Map<String, String> keys;
  private final boolean keysOnStdout;
  /** Every line the process wrote, stdout and stderr (its logs) together, as it wrote them. */
  private final List<String> output;

  private ServiceProcess(Process process, int port, Map<String, String> keys, boolean keysOnStdout, List<String> output) {
    this.process = process;
    this.port = port;
    this.keys = keys;
    this.keysOnStdout = keysOnStdout;
    this.output = output;
  }

  /**
   * Starts {@code serve} and returns once it is ready.
   *
   * @param port 0 for a free one (then pass {@link #port()} to a restart)
   * @param env HUMIAO_ settings beyond the data dir, port and loopback host
   */
  static ServiceProcess start(Path dataDir, int port, Map<String, String> env) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.humiao.cli.Main", "serve",
        "--data-dir", dataDir.toString(), "--port", Integer.toString(port));
    // into a file, not a pipe: the JDK closes a pipe under its reader when the process exits, and
    // the last lines (the stop line) would be lost
    Path outputFile = Files.createTempFile("humiao-serve", ".out");
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .redirectOutput(outputFile.toFile());
    builder.environment().put("HUMIAO_HOST", "127.0.0.1");
    // these tests are of processes, state and events, not of the ONNX tier (SemanticTierHttpTest is)
    builder.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    builder.environment().putAll(env);
    Process process = builder.start();
    Map<String, String> keys = new ConcurrentHashMap<>();
    List<String> output = new CopyOnWriteArrayList<>();
    int[] listening = {0};
    boolean[] printedKeys = {false};
    CountDownLatch ready = new CountDownLatch(1);
    // read as the process writes it, for its whole life
    Thread reader = new Thread(() -> {
      try {
        tail(outputFile, process, line -> {
          output.add(line);
          Matcher key = KEY.matcher(line);
          Matcher listeningOn = LISTENING.matcher(line);
          if (key.find()) {
            keys.put(key.group(1), key.group(2));
            printedKeys[0] = true;
          } else if (listeningOn.find()) {
            listening[0] = Integer.parseInt(listeningOn.group(1));
          } else if (line.equals("humiao ready")) {
            ready.countDown();
          }
        });
      } catch (IOException e) {
        // the file is gone; the waiter times out or sees the process dead
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        outputFile.toFile().delete();
      }
    }, "service-process-output");
    reader.setDaemon(true);
    reader.start();
    if (!ready.await(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("serve did not become ready in 60 s (alive: " + process.isAlive() + ")");
    }
    // not on a terminal, the first start hands its keys over in a file, never on stdout
    Path firstKeys = Path.of(env.getOrDefault("HUMIAO_SHARED_DIR", dataDir.toString()))
        .resolve(KeyBootstrap.FIRST_KEYS_FILE);
    if (keys.isEmpty() && Files.exists(firstKeys)) {
      for (String line : Files.readAllLines(firstKeys)) {
        Matcher key = KEY.matcher(line);
        if (key.find()) {
          keys.put(key.group(1), key.group(2));
        }
      }
    }
    return new ServiceProcess(process, listening[0], keys, printedKeys[0], output);
  }

  int port() {
    return port;
  }

  /** Every line of {@code file} as it grows, until {@code process} has exited and all it wrote is read. */
  private static void tail(Path file, Process process, Consumer<String> lines) throws IOException, InterruptedException {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        boolean exited = !process.isAlive();
        int n = in.read(buffer);
        if (n < 0) {
          if (exited) {
            return;
          }
          Thread.sleep(20);
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
    }
  }

  /** The lines written so far; all of them once the process has exited. */
  List<String> output() {
    return output;
  }

  /** A key the first start of the shared dir printed; null for a later start. */
  /** Whether a key was printed on stdout (never, when it is no terminal). */
  boolean keysOnStdout() {
    return keysOnStdout;
  }

  String key(String role) {
    return keys.get(role);
  }

  /** SIGKILL, as a crash: no shutdown hook runs. Returns at once (callable from an event loop); see {@link #awaitExit}. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  void awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the service process did not exit in 30 s");
    }
  }

  /** SIGTERM, a graceful stop; SIGKILL if that takes too long. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
      awaitExit();
    }
  }
}
