package org.humiao.server;

import io.vertx.core.Vertx;
import org.humiao.config.Setting;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@link LocalService} and a {@link Client} to it for a whole test class: registered on a static
 * field with {@code @RegisterExtension}, started before the class's {@code @BeforeAll} methods and
 * closed, with its data dir, after its {@code @AfterAll} methods.
 */
final class ServiceExtension implements BeforeAllCallback, AfterAllCallback {
  /** Writes into the service's directory before the service starts, e.g. a journal for it to count. */
  interface Seed {
    void into(Path dir) throws Exception;
  }

  private final Map<Setting, String> settings;
  private final Clock clock;
  private final Seed seed;
  private Path dir;
  private Vertx vertx;
  private LocalService service;
  private Client client;

  /** A service with these settings over the defaults of {@link LocalService}. */
  ServiceExtension(Map<Setting, String> settings) {
    this(settings, Clock.systemUTC(), dir -> { });
  }

  private ServiceExtension(Map<Setting, String> settings, Clock clock, Seed seed) {
    this.settings = Map.copyOf(settings);
    this.clock = clock;
    this.seed = seed;
  }

  /** The same service on this clock. */
  ServiceExtension clock(Clock value) {
    return new ServiceExtension(settings, value, seed);
  }

  /** The same service, its directory seeded first. */
  ServiceExtension seeded(Seed value) {
    return new ServiceExtension(settings, clock, value);
  }

  LocalService service() {
    return service;
  }

  Client client() {
    return client;
  }

  /** The service's data dir, for tests that read what it wrote. */
  Path dataDir() {
    return dir.resolve("data");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("humiao-http-");
    seed.into(dir);
    vertx = Vertx.vertx();
    service = new LocalService(dir, settings, clock, null);
    client = new Client(vertx, service.port());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (client != null) {
        client.close();
      }
      if (service != null) {
        service.close();
      }
      if (vertx != null) {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
