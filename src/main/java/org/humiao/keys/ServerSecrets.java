package org.humiao.keys;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code secrets.json} in the shared dir (the data dir unless {@code sharedDir} is set): the server's HMAC keys of person ids and of pseudonymous user
 * ids. Made once, at random, on the first start and reused after: a new key would turn every
 * stored person id and every journaled pseudonym into a stranger. Readable by the owner only, and
 * never logged or shown ({@link #toString()} is redacted).
 */
public record ServerSecrets(byte[] personKey, byte[] pseudonymKey) {
  public static final String FILE_NAME = "secrets.json";
  private static final int KEY_BYTES = 32;

  /** Reads the secrets of {@code dir}, making and storing them first if there are none. */
  public static ServerSecrets loadOrCreate(Path dir, SecureRandom random) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        new ServerSecrets(randomKey(random), randomKey(random)).create(file);
      }
      // read back even after creating: an instance sharing the directory may have created it first
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static ServerSecrets read(Path file) throws IOException {
    try {
      JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      return new ServerSecrets(key(json, "personKey"), key(json, "pseudonymKey"));
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      // the message names the file only: a fragment of it would be a fragment of a key
      throw new IllegalStateException(file + " is damaged; restore it from a backup (a new key orphans stored ids)");
    }
  }

  private static byte[] key(JsonObject json, String field) {
    String text = json.getString(field);
    byte[] key = text == null ? new byte[0] : Base64.getDecoder().decode(text);
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(field);
    }
    return key;
  }

  /**
   * Written to a file that is 0600 from its creation, then linked into place, so no one ever reads
   * half of it; the link fails if another instance sharing the directory was first, and its keys stand.
   */
  private void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, new JsonObject()
        .put("personKey", Base64.getEncoder().encodeToString(personKey))
        .put("pseudonymKey", Base64.getEncoder().encodeToString(pseudonymKey))
        .encode(), StandardCharsets.UTF_8);
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      // the other instance's secrets are the ones in force
    } finally {
      Files.delete(temp);
    }
  }

  private static byte[] randomKey(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  @Override
  public String toString() {
    return "ServerSecrets[<redacted>]";
  }
}
