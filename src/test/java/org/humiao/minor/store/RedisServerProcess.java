package org.humiao.minor.store;

import org.humiao.testing.Loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own, on a free port: it can be killed and restarted. Without a
 * directory it keeps nothing; with one it logs every write (AOF, fsync always) there, so a
 * restart finds what was acknowledged, as a production Redis configured for durability does.
 */
public final class RedisServerProcess implements AutoCloseable {
  private final int port;
  private final List<String> persistence;
  private Process process;

  private RedisServerProcess(int port, List<String> persistence) {
    this.port = port;
    this.persistence = persistence;
  }

  public static RedisServerProcess start() {
    RedisServerProcess server = new RedisServerProcess(Loopback.freePort(), List.of("--appendonly", "no"));
    server.restart();
    return server;
  }

  public static RedisServerProcess startPersistent(Path dir) {
    RedisServerProcess server = new RedisServerProcess(Loopback.freePort(),
        List.of("--appendonly", "yes", "--appendfsync", "always", "--dir", dir.toString()));
    server.restart();
    return server;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts it again on the same port (empty unless persistent). */
  public void restart() {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
        "127.0.0.1", "--save", ""));
    command.addAll(persistence);
    try {
      process = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server (install it: apt-get install redis-server)", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Loopback.listening("127.0.0.1", port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not come up on port " + port);
      }
      Loopback.pause(50);
    }
  }

  /** Kills it at once, as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
