package org.humiao.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Starts the {@link CeilingServer} as a JVM of its own, as the service runs, from the harness's
 * own class path, and waits until it accepts connections. Its own process, so that the harness's
 * JIT and heap are not shared with the server it measures.
 */
final class CeilingProcess {
  private static final long START_MILLIS = 30_000;

  private CeilingProcess() {}

  static Process start(int port) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        CeilingServer.class.getName(), Integer.toString(port))
        .inheritIO()
        .start();
    long giveUp = System.currentTimeMillis() + START_MILLIS;
    while (System.currentTimeMillis() < giveUp && process.isAlive()) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return process;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroy();
    throw new IOException("the ceiling server did not listen on " + port + " within " + START_MILLIS + " ms");
  }
}
