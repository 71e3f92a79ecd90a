package org.humiao.server;

import org.humiao.TestFiles;
import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.keys.IssuedKey;
import org.humiao.keys.KeyIssuer;
import org.humiao.keys.KeyStore;
import org.humiao.keys.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real service on a free loopback port, over a temporary data dir with one key per role (and a
 * second platform), on the placeholder lexicons/. One per test class: the engine takes a second to load.
 */
final class LocalService implements AutoCloseable {
  static final String PLATFORM = "demo";

  final HttpService service;
  final KeyStore store;
  final KeyIssuer issuer = new KeyIssuer(new SecureRandom(), Clock.systemUTC());
  final String platformKey;
  final String otherPlatformKey;
  final String regulatorKey;
  final String adminKey;
  final Path lexicons;
  final Path policies;

  /** Runs on copies of lexicons/ and policies/ under {@code dir}, so a test may break or extend them. */
  LocalService(Path dir, Map<Setting, String> overrides) throws Exception {
    this(dir, overrides, Clock.systemUTC(), null);
  }

  /**
   * @param clock the service's clock
   * @param sibling an instance whose keys this one shares (through the sharedDir both are given); null: new keys
   */
  LocalService(Path dir, Map<Setting, String> overrides, Clock clock, LocalService sibling) throws Exception {
    Path dataDir = dir.resolve("data");
    lexicons = dir.resolve("lexicons");
    TestFiles.copyTree(Path.of("lexicons"), lexicons);
    policies = dir.resolve("policies");
    TestFiles.copyTree(Path.of("policies"), policies);
    store = new KeyStore(Path.of(overrides.getOrDefault(Setting.SHARED_DIR, dataDir.toString())));
    if (sibling == null) {
      List<IssuedKey> keys = List.of(
          issuer.issue(Role.PLATFORM, PLATFORM),
          issuer.issue(Role.PLATFORM, "other"),
          issuer.issue(Role.REGULATOR, null),
          issuer.issue(Role.ADMIN, null));
      store.write(keys.stream().map(IssuedKey::stored).toList());
      platformKey = keys.get(0).secret();
      otherPlatformKey = keys.get(1).secret();
      regulatorKey = keys.get(2).secret();
      adminKey = keys.get(3).secret();
    } else {
      platformKey = sibling.platformKey;
      otherPlatformKey = sibling.otherPlatformKey;
      regulatorKey = sibling.regulatorKey;
      adminKey = sibling.adminKey;
    }

    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.HOST, "127.0.0.1");
    flags.put(Setting.PORT, "0");
    flags.put(Setting.DATA_DIR, dataDir.toString());
    flags.put(Setting.LEXICONS, lexicons.toString());
    flags.put(Setting.POLICIES, policies.toString());
    flags.put(Setting.KEYS_POLL_MS, "50");
    flags.put(Setting.SHUTDOWN_GRACE_MS, "1000");
    // the semantic tier loads an ONNX model: only the tests of the tier turn it on
    flags.put(Setting.SEMANTIC_TIER, "off");
    flags.putAll(overrides);
    Settings settings = new SettingsResolver(Map.of()).resolve(Optional.empty(), flags);
    service = HttpService.start(settings, () -> EngineFactory.create(settings, Clock.systemDefaultZone()), clock)
        .await(30, TimeUnit.SECONDS);
    service.ready().await(30, TimeUnit.SECONDS);
  }

  /** A key added to the running service's keys.json, once the service takes it (it polls the file). */
  String addKey(Client client, Role role, String platform) throws InterruptedException {
    IssuedKey key = issuer.issue(role, platform);
    store.add(key.stored());
    for (int i = 0; i < 200 && client.get("/v1/review/summary", key.secret()).statusCode() == 401; i++) {
      Thread.sleep(25);
    }
    return key.secret();
  }

  int port() {
    return service.port();
  }

  @Override
  public void close() throws Exception {
    service.close().await(10, TimeUnit.SECONDS);
  }
}
