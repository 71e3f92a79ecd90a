package org.humiao.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.humiao.config.Settings;
import org.humiao.keys.ServerSecrets;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.store.EmbeddedPlayStateStore;
import org.humiao.minor.store.PlayStateStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * What the service reads from disk and keeps there, beyond the keys: the minor-mode policies and
 * trusted issuers, the server secrets, the event journal and the minor-mode state. Opened before
 * the service listens, so a start that cannot read them fails without serving; closed after the
 * last request.
 */
record ServiceState(PolicyRegistry policies, TrustedIssuers issuers, ServerSecrets secrets, EventJournal events,
                    PlayStateStore store) implements AutoCloseable {

  /** @param registry where the event streams' meters go, when Kafka is set */
  static ServiceState open(Settings settings, MeterRegistry registry) throws IOException {
    PolicyRegistry policies = new PolicyRegistry(settings.policies());
    TrustedIssuers issuers = settings.issuers().map(ServiceState::issuers).orElse(TrustedIssuers.none());
    ServerSecrets secrets = ServerSecrets.loadOrCreate(settings.dataDir(), new SecureRandom());
    EventJournal events = EventJournal.open(settings, registry);
    try {
      return new ServiceState(policies, issuers, secrets, events, EmbeddedPlayStateStore.open(settings.dataDir()));
    } catch (RuntimeException e) {
      events.close();
      throw e;
    }
  }

  private static TrustedIssuers issuers(Path file) {
    try {
      return TrustedIssuers.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the issuers file " + file, e);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("the issuers file " + file + " is not a JSON object of issuer: [keys]", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      store.close();
    } finally {
      events.close();
    }
  }
}
