package org.humiao.keys;

import org.humiao.durable.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The first start of a service with no keys.json: one key of each role (the platform one for
 * platform {@code demo}), so a fresh install can be called at once. The secrets are handed over
 * once, in a file only the service's user can read; only their hashes are stored.
 */
public final class KeyBootstrap {
  public static final String DEMO_PLATFORM = "demo";
  /** Where the first keys are handed over, beside keys.json; the operator reads and deletes it. */
  public static final String FIRST_KEYS_FILE = "first-keys.txt";

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

  /**
   * Writes one line per key, as {@code describe} puts it, to {@value #FIRST_KEYS_FILE} in
   * {@code dir} (mode 0600), never to a log: a container's logs are read by more people than its
   * data volume.
   */
  public static Path writeFirstKeys(Path dir, List<IssuedKey> keys, Function<IssuedKey, String> describe)
      throws IOException {
    Path file = dir.resolve(FIRST_KEYS_FILE);
    StringBuilder text = new StringBuilder();
    keys.forEach(k -> text.append(describe.apply(k)).append('\n'));
    PrivateFiles.writeSynced(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
