package org.humiao.keys;

import java.util.List;

/**
 * The first start of a service with no keys.json: one key of each role (the platform one for
 * platform {@code demo}), so a fresh install can be called at once. The secrets are returned to
 * be shown once; only their hashes are stored.
 */
public final class KeyBootstrap {
  public static final String DEMO_PLATFORM = "demo";

  private KeyBootstrap() {}

  /** Creates the keys file when there is none; returns the keys it made, empty when the file existed. */
  public static List<IssuedKey> ensure(KeyStore store, KeyIssuer issuer) {
    if (store.exists()) {
      return List.of();
    }
    List<IssuedKey> issued = List.of(
        issuer.issue(Role.PLATFORM, DEMO_PLATFORM),
        issuer.issue(Role.REGULATOR, null),
        issuer.issue(Role.ADMIN, null));
    store.write(issued.stream().map(IssuedKey::stored).toList());
    return issued;
  }
}
