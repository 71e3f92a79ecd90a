package org.humiao.server;

import org.humiao.keys.KeyBootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  private ServiceProcess(Process process, int port, Map<String, String> keys, boolean keysOnStdout) {
    this.process = process;
    this.port = port;
    this.keys = keys;
    this.keysOnStdout = keysOnStdout;
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
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().put("HUMIAO_HOST", "127.0.0.1");
    // these tests are of processes, state and events, not of the ONNX tier (SemanticTierHttpTest is)
    builder.environment().put("HUMIAO_SEMANTIC_TIER", "off");
    builder.environment().putAll(env);
    Process process = builder.start();
    Map<String, String> keys = new ConcurrentHashMap<>();
    int[] listening = {0};
    boolean[] printedKeys = {false};
    CountDownLatch ready = new CountDownLatch(1);
    // drained for the process's whole life, so a full pipe never stalls it
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
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
        }
      } catch (IOException e) {
        // the process is gone; its waiter times out or sees it dead
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
    return new ServiceProcess(process, listening[0], keys, printedKeys[0]);
  }

  int port() {
    return port;
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
