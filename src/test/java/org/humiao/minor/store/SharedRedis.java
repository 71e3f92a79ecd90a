package org.humiao.minor.store;

import org.humiao.testing.Loopback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;

/**
 * The Redis of the test run, as a parameter: {@code HUMIAO_TEST_REDIS} (default
 * redis://127.0.0.1:6379, where CI starts one), or, if nothing listens there, a redis-server of the
 * run's own, started once and stopped when the run ends. Tests keep to keys of their own prefix.
 */
public record SharedRedis(String uri) {
  static final String DEFAULT_URI = "redis://127.0.0.1:6379";

  public static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRedis.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("redis", k -> Shared.open(), Shared.class)
          .redis;
    }
  }

  /** Closed by JUnit at the end of the run: stops the server if the run started it. */
  private record Shared(SharedRedis redis, RedisServerProcess owned)
      implements ExtensionContext.Store.CloseableResource {
    static Shared open() {
      String configured = System.getenv().getOrDefault("HUMIAO_TEST_REDIS", DEFAULT_URI);
      URI uri = URI.create(configured);
      if (Loopback.listening(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())) {
        return new Shared(new SharedRedis(configured), null);
      }
      RedisServerProcess server = RedisServerProcess.start();
      return new Shared(new SharedRedis(server.uri()), server);
    }

    @Override
    public void close() {
      if (owned != null) {
        owned.close();
      }
    }
  }
}
