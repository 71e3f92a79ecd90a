package org.humiao.callbacks;

import io.vertx.core.json.JsonObject;
import org.humiao.durable.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The callbacks of the embedded profile: one small file {@code callbacks.json} in the data dir,
 * replaced atomically (and forced) on every change, read once on open. Changes are rare (a platform
 * registers once), so rewriting the whole file is simpler than a log and costs nothing.
 */
public final class FileCallbackStore implements CallbackStore {
  static final String FILE = "callbacks.json";

  private final Path file;
  private final Map<String, Callback> callbacks = new HashMap<>();

  private FileCallbackStore(Path file) {
    this.file = file;
  }

  public static FileCallbackStore open(Path dataDir) throws IOException {
    PrivateFiles.createDirectories(dataDir);
    FileCallbackStore store = new FileCallbackStore(dataDir.resolve(FILE));
    if (Files.exists(store.file)) {
      JsonObject all = new JsonObject(Files.readString(store.file, StandardCharsets.UTF_8));
      all.forEach(e -> store.callbacks.put(e.getKey(), Callback.fromJson((JsonObject) e.getValue())));
    }
    return store;
  }

  @Override
  public synchronized Optional<Callback> get(String platform) {
    return Optional.ofNullable(callbacks.get(platform));
  }

  @Override
  public synchronized void put(String platform, Callback callback) {
    Map<String, Callback> next = new HashMap<>(callbacks);
    next.put(platform, callback);
    write(next);
  }

  @Override
  public synchronized boolean delete(String platform) {
    if (!callbacks.containsKey(platform)) {
      return false;
    }
    Map<String, Callback> next = new HashMap<>(callbacks);
    next.remove(platform);
    write(next);
    return true;
  }

  /** Replaces the file, then the map: a failed write changes neither. */
  private void write(Map<String, Callback> next) {
    JsonObject all = new JsonObject();
    next.forEach((platform, callback) -> all.put(platform, callback.toJson()));
    byte[] bytes = all.encode().getBytes(StandardCharsets.UTF_8);
    try {
      PrivateFiles.replace(file, channel -> PrivateFiles.writeFully(channel, ByteBuffer.wrap(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    callbacks.clear();
    callbacks.putAll(next);
  }

  @Override
  public void close() {
    // nothing open: every change is written whole
  }
}
