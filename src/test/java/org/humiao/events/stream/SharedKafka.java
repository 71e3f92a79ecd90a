package org.humiao.events.stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Kafka of the test run, as a parameter: {@code HUMIAO_TEST_KAFKA} (bootstrap servers of a
 * broker already running), or else a {@link KafkaBrokerProcess} of the run's own, started once,
 * shared by every test class and stopped when the run ends. Tests keep to topics of their own.
 *
 * @param broker the run's own broker, which a test may kill and restart; null for a configured one
 */
public record SharedKafka(String bootstrap, KafkaBrokerProcess broker) {

  public static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("kafka", k -> Shared.open(), Shared.class)
          .kafka;
    }
  }

  /** Closed by JUnit at the end of the run: stops the broker if the run started it. */
  private record Shared(SharedKafka kafka) implements ExtensionContext.Store.CloseableResource {
    static Shared open() {
      String configured = System.getenv("HUMIAO_TEST_KAFKA");
      if (configured != null && !configured.isBlank()) {
        return new Shared(new SharedKafka(configured, null));
      }
      KafkaBrokerProcess broker = KafkaBrokerProcess.start();
      return new Shared(new SharedKafka(broker.bootstrap(), broker));
    }

    @Override
    public void close() {
      if (kafka.broker != null) {
        kafka.broker.close();
      }
    }
  }
}
