package org.humiao.keys;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data-dir>/keys.json}: the stored keys (hashes only). Written whole to a temporary file
 * and moved over the old one, so a reader, the running service included, sees the old file or
 * the new one and never half of it.
 */
public final class KeyStore {
  public static final String FILE_NAME = "keys.json";

  private final Path file;

  public KeyStore(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  public List<ApiKey> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      List<ApiKey> keys = new ArrayList<>();
      for (Object o : new JsonObject(text).getJsonArray("keys", new JsonArray())) {
        keys.add(fromJson((JsonObject) o));
      }
      return keys;
    } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException
        | DateTimeParseException e) {
      throw new KeyFileException(file + " is not a valid key file: " + e.getMessage());
    }
  }

  public void write(List<ApiKey> keys) {
    JsonArray array = new JsonArray();
    keys.forEach(k -> array.add(toJson(k)));
    String text = new JsonObject().put("keys", array).encodePrettily() + "\n";
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        move(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public void add(ApiKey key) {
    List<ApiKey> keys = exists() ? read() : new ArrayList<>();
    keys.add(key);
    write(keys);
  }

  /** Removes the key with this id; returns it, or empty when there was none. */
  public Optional<ApiKey> revoke(String id) {
    List<ApiKey> keys = read();
    Optional<ApiKey> removed = keys.stream().filter(k -> k.id().equals(id)).findFirst();
    if (removed.isPresent()) {
      keys.remove(removed.get());
      write(keys);
    }
    return removed;
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static JsonObject toJson(ApiKey k) {
    JsonObject json = new JsonObject().put("id", k.id()).put("role", k.role().id());
    if (k.platform() != null) {
      json.put("platform", k.platform());
    }
    if (k.region() != null) {
      json.put("region", k.region());
    }
    return json.put("sha256", k.sha256()).put("created", k.created().toString());
  }

  private static ApiKey fromJson(JsonObject json) {
    return new ApiKey(json.getString("id"), Role.byId(json.getString("role")), json.getString("platform"),
        json.getString("sha256"), Instant.parse(json.getString("created")), json.getString("region"));
  }
}
